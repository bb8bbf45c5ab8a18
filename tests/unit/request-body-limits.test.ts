import { describe, expect, it } from 'vitest'

import { API_BODY_LIMIT_BYTES, MEDIA_UPLOAD_LIMIT_BYTES, refuseRequestBody } from '@/server/request-body-limits'

const MiB = 1024 * 1024
const head = (
  path: string,
  contentLength: number | string | undefined,
  contentType = 'application/json',
  transferEncoding?: string,
) => ({
  path,
  contentLength: contentLength === undefined ? undefined : String(contentLength),
  contentType,
  transferEncoding,
})

describe('refuseRequestBody', () => {
  it('refuses a 2 MiB JSON body to the API with 413, naming the limit', () => {
    expect(refuseRequestBody(head('/api/users/login', 2 * MiB))).toEqual({
      status: 413,
      message: 'The request body (2 MiB) is over the limit: API requests may be at most 1 MiB.',
    })
    expect(refuseRequestBody(head('/api/graphql', API_BODY_LIMIT_BYTES + 1))?.status).toBe(413)
  })

  it('accepts an API body up to the limit', () => {
    expect(refuseRequestBody(head('/api/graphql', API_BODY_LIMIT_BYTES))).toBeNull()
    expect(refuseRequestBody(head('/api/terms', undefined))).toBeNull()
  })

  it('lets multipart uploads to /api/media reach 12 MiB, and no further', () => {
    const multipart = 'multipart/form-data; boundary=x'
    expect(refuseRequestBody(head('/api/media', 11 * MiB, multipart))).toBeNull()
    expect(refuseRequestBody(head('/api/media/1', MEDIA_UPLOAD_LIMIT_BYTES, multipart))).toBeNull()
    expect(refuseRequestBody(head('/api/media', MEDIA_UPLOAD_LIMIT_BYTES + 1, multipart))).toEqual({
      status: 413,
      message: 'The request body (12 MiB) is over the limit: uploads to /api/media may be at most 12 MiB.',
    })
  })

  it('holds JSON to /api/media and multipart elsewhere to the API limit', () => {
    expect(refuseRequestBody(head('/api/media', 2 * MiB))?.status).toBe(413)
    expect(refuseRequestBody(head('/api/terms', 2 * MiB, 'multipart/form-data; boundary=x'))?.status).toBe(413)
    expect(refuseRequestBody(head('/api/media-library', 2 * MiB, 'multipart/form-data; boundary=x'))?.status).toBe(413)
  })

  it('asks for a Content-Length when an API body is sent in chunks', () => {
    expect(refuseRequestBody(head('/api/graphql', undefined, 'application/json', 'chunked'))).toEqual({
      status: 411,
      message: 'Send a Content-Length header; API requests may be at most 1 MiB.',
    })
  })

  it('refuses a Content-Length that is not a number', () => {
    expect(refuseRequestBody(head('/api/terms', '1e9'))?.status).toBe(413)
    expect(refuseRequestBody(head('/api/terms', '-1'))?.status).toBe(413)
  })

  it('leaves pages and assets to Next', () => {
    expect(refuseRequestBody(head('/admin/collections/terms', 5 * MiB))).toBeNull()
    expect(refuseRequestBody(head('/apiary', 5 * MiB))).toBeNull()
  })
})

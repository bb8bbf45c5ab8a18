// Media uploads with the S3_* settings, against a loopback fake of an S3-compatible service: the file goes
// to the bucket (not to disk), is served back through /api/media/file/…, and the upload checks refuse a bad
// file before anything is sent.
import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '@/collections/Media/inspect-upload'
import { localMediaDirectory } from '@/media-storage/media-storage-settings'

import { noisePngOver, pngBomb, smallPng } from '../support/generated-images'
import { startFakeS3 } from './support/fake-s3-server'

const BUCKET = 'cloudlex-test-media'
const PREFIX = 'instances/shared'

// The config reads the settings when it is first imported, so they are in place before anything imports it.
const fakeS3 = await startFakeS3()
Object.assign(process.env, {
  S3_BUCKET: BUCKET,
  S3_REGION: 'us-east-1',
  S3_ENDPOINT: fakeS3.endpoint,
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'fake-access-key',
  S3_SECRET_ACCESS_KEY: 'fake-secret-key',
  S3_PREFIX: PREFIX,
})
const { createStaffUser, getTestPayload } = await import('./support/harness')
const { callRest, callRestResponse, tokenFor } = await import('./support/api-routes')

let token: string
/** Authors may upload media but not delete it (isEditorOrAdmin). */
let editorToken: string

beforeAll(async () => {
  const payload = await getTestPayload()
  await createStaffUser(payload, 'admin') // the first account always becomes admin
  token = await tokenFor(payload, await createStaffUser(payload, 'author'))
  editorToken = await tokenFor(payload, await createStaffUser(payload, 'editor'))
})

afterAll(() => fakeS3.close())

function upload(bytes: Buffer, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt: name }))
  return callRest('POST', '/api/media', { token, body: form })
}

const puts = () => fakeS3.requests.filter((request) => request.method === 'PUT')

describe('media uploads with S3 settings', () => {
  it('puts an accepted image into the bucket under S3_PREFIX, and nothing on local disk', async () => {
    const png = await smallPng()
    const response = await upload(png, 's3-diagram.png')
    expect(response.status).toBe(201)
    expect(response.json.doc).toMatchObject({ filename: 's3-diagram.png', mimeType: 'image/png', prefix: PREFIX })
    expect(puts()).toEqual([{ method: 'PUT', bucket: BUCKET, key: `${PREFIX}/s3-diagram.png` }])
    expect(fakeS3.objects.get(`${BUCKET}/${PREFIX}/s3-diagram.png`)).toEqual({ body: png, contentType: 'image/png' })
    expect(fs.existsSync(localMediaDirectory(process.env))).toBe(false)
  })

  it('serves the file from the bucket at the URL the document gives, through Payload, to anonymous readers', async () => {
    const png = await smallPng()
    const { json } = await upload(png, 's3-served.png')
    const url = (json.doc as { url: string }).url
    expect(url).toBe(`/api/media/file/s3-served.png?prefix=${encodeURIComponent(PREFIX)}`)
    const response = await callRestResponse('GET', url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png)
    expect(fakeS3.requests.at(-1)).toEqual({ method: 'GET', bucket: BUCKET, key: `${PREFIX}/s3-served.png` })
  })

  it('serves a file to anonymous readers by a URL without ?prefix, as stored before the move to S3', async () => {
    // Payload then looks the document up itself, on the reader's request; the request caps must let it.
    const png = await smallPng()
    await upload(png, 's3-old-url.png')
    const response = await callRestResponse('GET', '/api/media/file/s3-old-url.png')
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png)
  })

  it('answers 404 for a file there is no media document for', async () => {
    expect((await callRestResponse('GET', '/api/media/file/never-uploaded.png')).status).toBe(404)
  })

  it('refuses an oversize file and a decompression bomb before anything is sent to the bucket', async () => {
    const before = puts().length
    expect((await upload(await noisePngOver(MAX_UPLOAD_BYTES + 1), 's3-huge.png')).status).toBe(413)
    expect((await upload(pngBomb(100_000, 100_000), 's3-bomb.png')).status).toBe(400)
    expect(puts()).toHaveLength(before)
  })

  it('replaces the object when the file is replaced: the new one put, the old one deleted', async () => {
    const { json } = await upload(await smallPng(), 's3-before.png')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }), 's3-after.png')
    form.append('_payload', JSON.stringify({ alt: 'Replaced' }))
    const response = await callRest('PATCH', `/api/media/${(json.doc as { id: string }).id}`, { token, body: form })
    expect(response.status).toBe(200)
    expect(fakeS3.objects.has(`${BUCKET}/${PREFIX}/s3-after.png`)).toBe(true)
    expect(fakeS3.objects.has(`${BUCKET}/${PREFIX}/s3-before.png`)).toBe(false)
  })

  it('deletes the object from the bucket when the media document is deleted', async () => {
    const { json } = await upload(await smallPng(), 's3-deleted.png')
    const response = await callRest('DELETE', `/api/media/${(json.doc as { id: string }).id}`, { token: editorToken })
    expect(response.status).toBe(200)
    expect(fakeS3.requests.at(-1)).toEqual({ method: 'DELETE', bucket: BUCKET, key: `${PREFIX}/s3-deleted.png` })
    expect(fakeS3.objects.has(`${BUCKET}/${PREFIX}/s3-deleted.png`)).toBe(false)
  })
})

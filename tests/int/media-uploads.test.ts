// Media uploads through the REST API: only real images of an allowed type, within the size and pixel
// limits, whatever the file is called and whatever Content-Type the client claims.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '@/collections/Media/inspect-upload'
import type { User } from '@/payload-types'

import { htmlPage, noisePngOver, pngBomb, smallJpeg, smallPng, svgWithScript } from '../support/generated-images'
import { createStaffUser, getTestPayload } from './support/harness'
import { callRest, tokenFor, type ApiAnswer } from './support/api-routes'

let payload: Payload
let author: User
let token: string

beforeAll(async () => {
  payload = await getTestPayload()
  await createStaffUser(payload, 'admin') // the first account always becomes admin
  author = await createStaffUser(payload, 'author')
  token = await tokenFor(payload, author)
})

let uploads = 0
function upload(bytes: Buffer, name: string, contentType: string): Promise<ApiAnswer> {
  uploads += 1
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), name)
  form.append('_payload', JSON.stringify({ alt: `Upload ${uploads}` }))
  return callRest('POST', '/api/media', { token, body: form })
}

const errorText = (response: ApiAnswer) => JSON.stringify(response.json)
const mediaCount = async () => (await payload.count({ collection: 'media' })).totalDocs

describe('media uploads over REST', () => {
  it('stores a PNG from an author', async () => {
    const response = await upload(await smallPng(), 'diagram.png', 'image/png')
    expect(response.status).toBe(201)
    expect(response.json.doc).toMatchObject({ mimeType: 'image/png', width: 64, height: 48 })
  })

  it('stores a JPEG sent with a PNG name and type as the JPEG it is', async () => {
    const response = await upload(await smallJpeg(), 'photo.png', 'image/png')
    expect(response.status).toBe(201)
    expect(response.json.doc).toMatchObject({ mimeType: 'image/jpeg' })
  })

  it('refuses a file over 10 MiB with 413, naming the limit', async () => {
    const before = await mediaCount()
    const response = await upload(await noisePngOver(MAX_UPLOAD_BYTES + 1), 'huge.png', 'image/png')
    expect(response.status).toBe(413)
    expect(errorText(response)).toContain('limited to 10.0 MiB')
    expect(await mediaCount()).toBe(before)
  })

  it('refuses a decompression bomb quickly, naming the pixel limit', async () => {
    const started = performance.now()
    const response = await upload(pngBomb(100_000, 100_000), 'bomb.png', 'image/png')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(response.status).toBe(400)
    expect(errorText(response)).toContain('limited to 40.0 megapixels')
  })

  it('refuses an HTML page named and typed as a PNG', async () => {
    const response = await upload(htmlPage(), 'innocent.png', 'image/png')
    expect(response.status).toBe(400)
    expect(errorText(response)).toContain('not an image in an allowed format')
  })

  it('refuses an SVG carrying script, as SVG or disguised as a PNG', async () => {
    for (const [name, type] of [
      ['logo.svg', 'image/svg+xml'],
      ['logo.png', 'image/png'],
    ]) {
      const response = await upload(svgWithScript(), name!, type!)
      expect(response.status).toBe(400)
      expect(errorText(response)).toContain('not an image in an allowed format')
    }
  })

  it('checks a file replaced on update the same way', async () => {
    const created = await upload(await smallPng(), 'replace-me.png', 'image/png')
    const id = (created.json.doc as { id: string }).id
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(pngBomb(20_000, 20_000))], { type: 'image/png' }), 'replaced.png')
    form.append('_payload', JSON.stringify({ alt: 'Replaced' }))
    const response = await callRest('PATCH', `/api/media/${id}`, { token, body: form })
    expect(response.status).toBe(400)
    expect(errorText(response)).toContain('limited to 40.0 megapixels')
    expect((await payload.findByID({ collection: 'media', id })).filename).toBe('replace-me.png')
  })
})

import { describe, expect, it } from 'vitest'

import { inspectUpload, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES } from '@/collections/Media/inspect-upload'

import {
  harmlessSvg,
  htmlPage,
  noisePngOver,
  pngBomb,
  smallJpeg,
  smallPng,
  svgWithScript,
} from '../support/generated-images'

describe('what an upload must be to become media', () => {
  it('accepts a PNG and a JPEG, typed by their bytes', async () => {
    expect(await inspectUpload(await smallPng())).toEqual({
      accepted: true,
      mimeType: 'image/png',
      width: 64,
      height: 48,
    })
    expect(await inspectUpload(await smallJpeg())).toMatchObject({ accepted: true, mimeType: 'image/jpeg' })
  })

  it('refuses a file over 10 MiB, naming the limit', async () => {
    const inspection = await inspectUpload(await noisePngOver(MAX_UPLOAD_BYTES + 1))
    expect(inspection).toMatchObject({ accepted: false, reason: 'too-large' })
    expect(inspection.accepted || inspection.message).toMatch(/limited to 10\.0 MiB/)
  })

  it('refuses a decompression bomb from its header, at once', async () => {
    const started = performance.now()
    const inspection = await inspectUpload(pngBomb(100_000, 100_000))
    expect(performance.now() - started).toBeLessThan(500)
    expect(inspection).toMatchObject({ accepted: false, reason: 'too-many-pixels' })
    expect(inspection.accepted || inspection.message).toMatch(
      /10000\.0 megapixels; images are limited to 40\.0 megapixels/,
    )
  })

  it('accepts an image right at the pixel limit and refuses one pixel row over it', async () => {
    expect(MAX_IMAGE_PIXELS).toBe(40_000_000)
    expect((await inspectUpload(pngBomb(8000, 5000))).accepted).toBe(true)
    expect((await inspectUpload(pngBomb(8000, 5001))).accepted).toBe(false)
  })

  it('refuses HTML and SVG, with or without script', async () => {
    for (const bytes of [htmlPage(), svgWithScript(), harmlessSvg(), Buffer.from('plain text')]) {
      expect(await inspectUpload(bytes)).toMatchObject({ accepted: false, reason: 'not-an-allowed-image' })
    }
  })
})

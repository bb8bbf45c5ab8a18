// Images made for upload tests, each built the way an attacker or a careless upload would make it.
import zlib from 'node:zlib'

import sharp from 'sharp'

export const smallPng = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer()
export const smallJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer()

/** A real PNG of random noise, stored uncompressed so it is over `bytes` long. */
export function noisePngOver(bytes: number): Promise<Buffer> {
  const width = 2048
  const height = Math.ceil(bytes / (width * 3)) + 1
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i += 4)
    raw.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, Math.min(i, raw.length - 4))
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer()
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/**
 * The shape of a decompression bomb: a few hundred bytes whose header claims `width` × `height`
 * pixels. Only its first row follows, which is enough: a check must refuse it from the header alone,
 * before anything starts to inflate rows.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, deflate, no filter method, no interlace
  const rows = zlib.deflateSync(Buffer.alloc(width + 1), { level: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const htmlPage = () =>
  Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')

export const svgWithScript = () =>
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
  )

export const harmlessSvg = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')

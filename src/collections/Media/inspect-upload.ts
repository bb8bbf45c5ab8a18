// What an uploaded file must be to become media: an image of an allowed format, judged by its bytes
// (never by its name or the Content-Type the client sent), no bigger than the size and pixel limits.
// Only the header is read, so a decompression bomb is refused before anything decodes it.
import sharp, { type Metadata } from 'sharp'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** About an 8000 × 5000 photo; decoded, that is 160 MB of RGBA. */
export const MAX_IMAGE_PIXELS = 40_000_000

/**
 * Formats by sharp's name for them. SVG is not among them: it is a document that can carry script,
 * and sanitising it would need a DOM and a sanitiser on the server for a format the site never needs.
 */
export const ALLOWED_IMAGE_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
} as const

export type UploadInspection =
  | { accepted: true; mimeType: string; width: number; height: number }
  | { accepted: false; reason: 'too-large' | 'not-an-allowed-image' | 'too-many-pixels'; message: string }

// Rounded up, so a file just over the limit never reads as equal to it.
const mebibytes = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MiB`
const megapixels = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`
const allowedNames = () => Object.keys(ALLOWED_IMAGE_TYPES).join(', ').toUpperCase()

export async function inspectUpload(data: Buffer): Promise<UploadInspection> {
  if (data.length > MAX_UPLOAD_BYTES) {
    return { accepted: false, reason: 'too-large', message: `The file is ${mebibytes(data.length)}; uploads are limited to ${mebibytes(MAX_UPLOAD_BYTES)}.` }
  }
  const metadata = await sharp(data, { limitInputPixels: false }).metadata().catch(() => null)
  const mimeType = metadata ? imageType(metadata) : undefined
  if (!metadata || !mimeType || !metadata.width || !metadata.height) {
    return { accepted: false, reason: 'not-an-allowed-image', message: `The file is not an image in an allowed format (${allowedNames()}), whatever its name says.` }
  }
  // An animated image decodes every frame: count them all.
  const pixels = metadata.width * (metadata.pageHeight ?? metadata.height) * (metadata.pages ?? 1)
  if (pixels > MAX_IMAGE_PIXELS) {
    return {
      accepted: false,
      reason: 'too-many-pixels',
      message: `The image has ${megapixels(pixels)}; images are limited to ${megapixels(MAX_IMAGE_PIXELS)}.`,
    }
  }
  return { accepted: true, mimeType, width: metadata.width, height: metadata.height }
}

function imageType(metadata: Metadata): string | undefined {
  // sharp reports AVIF as HEIF with AV1 compression; other HEIF (HEIC) is not allowed.
  const format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format
  return format && format in ALLOWED_IMAGE_TYPES ? ALLOWED_IMAGE_TYPES[format as keyof typeof ALLOWED_IMAGE_TYPES] : undefined
}

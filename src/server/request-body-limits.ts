// How big a request body the API accepts, decided from the headers before any of it is read. Route
// handlers only see a body once Next has buffered it, so this is enforced in the server.

const MiB = 1024 * 1024

/** JSON and GraphQL bodies: far above any real document, far below what ties up memory. */
export const API_BODY_LIMIT_BYTES = 1 * MiB
/** Multipart uploads to /api/media: headroom above the media collection's own file-size limit. */
export const MEDIA_UPLOAD_LIMIT_BYTES = 12 * MiB

export type BodyRefusal = { status: 411 | 413; message: string }

type RequestHead = {
  path: string
  contentLength: string | undefined
  transferEncoding: string | undefined
  contentType: string | undefined
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')
const isMediaUpload = (path: string, contentType: string | undefined) =>
  (path === '/api/media' || path.startsWith('/api/media/')) && /^multipart\/form-data\b/i.test(contentType ?? '')

function formatMiB(bytes: number): string {
  return `${Number((bytes / MiB).toFixed(1))} MiB`
}

type BodyLimit = { bytes: number; applies: string }

/** The limit for a request to `path`, or undefined when the server does not limit it (pages, assets). */
export function bodyLimitFor(path: string, contentType: string | undefined): BodyLimit | undefined {
  if (!isApiPath(path)) return undefined
  return isMediaUpload(path, contentType)
    ? { bytes: MEDIA_UPLOAD_LIMIT_BYTES, applies: 'uploads to /api/media' }
    : { bytes: API_BODY_LIMIT_BYTES, applies: 'API requests' }
}

/** Why the server refuses this request's body, or null when it may be read. */
export function refuseRequestBody({
  path,
  contentLength,
  transferEncoding,
  contentType,
}: RequestHead): BodyRefusal | null {
  const limit = bodyLimitFor(path, contentType)
  if (limit === undefined) return null
  if (contentLength !== undefined) {
    const length = Number(contentLength)
    if (!Number.isSafeInteger(length) || length < 0)
      return { status: 413, message: 'Content-Length is not a number of bytes.' }
    if (length <= limit.bytes) return null
    return {
      status: 413,
      message: `The request body (${formatMiB(length)}) is over the limit: ${limit.applies} may be at most ${formatMiB(limit.bytes)}.`,
    }
  }
  // A chunked body announces no size, so its size could only be learned by reading all of it.
  if (transferEncoding !== undefined) {
    return {
      status: 411,
      message: `Send a Content-Length header; ${limit.applies} may be at most ${formatMiB(limit.bytes)}.`,
    }
  }
  return null
}

// Checks of an API request's Content-Type and body that Payload's own parsers do not survive: a body they
// would throw on outside their error handling (an answer of 500) is refused here with a 4xx naming the
// problem. Pure: no Payload or Next imports.

export type BodyRefusal = { status: 400 | 415; message: string }

/** RFC 2046: a multipart boundary is 1 to 70 characters from this set, and does not end with a space. */
const MULTIPART_BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/
export const MAX_MULTIPART_BOUNDARY_LENGTH = 70

const GRAPHQL_ACCEPTS = 'application/json (charset utf-8, or none)'

/** The media type (lower case) and the raw parameters of a Content-Type header. */
function splitContentType(contentType: string): { mediaType: string; parameters: string[] } {
  const [mediaType = '', ...parameters] = contentType.split(';')
  return { mediaType: mediaType.trim().toLowerCase(), parameters }
}

/**
 * GraphQL over HTTP as graphql-http reads it: `application/json`, whose first parameter, if any, is
 * `charset=utf-8`. Anything else it answers with an empty 415, or Payload fails on before it gets there.
 */
export function graphqlContentTypeProblem(contentType: string | null): BodyRefusal | null {
  const { mediaType, parameters } = splitContentType(contentType ?? '')
  const [first] = parameters
  const charset = first === undefined ? 'charset=utf-8' : first.replace(/\s/g, '').toLowerCase()
  if (mediaType === 'application/json' && charset === 'charset=utf-8') return null
  const sent = contentType ? `"${contentType.slice(0, 80)}${contentType.length > 80 ? '…' : ''}"` : 'no Content-Type'
  return { status: 415, message: `POST /api/graphql accepts ${GRAPHQL_ACCEPTS}; this request sent ${sent}.` }
}

/** Payload parses a write's body as multipart whenever its media type contains `multipart/`. */
export function isMultipart(contentType: string | null): boolean {
  return splitContentType(contentType ?? '').mediaType.includes('multipart/')
}

function boundaryOf(parameters: string[]): string | undefined {
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=')
    if (separator < 0 || parameter.slice(0, separator).trim().toLowerCase() !== 'boundary') continue
    const value = parameter.slice(separator + 1).trim()
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
  }
  return undefined
}

function boundaryProblem(contentType: string): { boundary: string } | BodyRefusal {
  const { mediaType, parameters } = splitContentType(contentType)
  if (mediaType !== 'multipart/form-data') {
    return { status: 415, message: `Multipart bodies must be multipart/form-data; this request sent ${mediaType}.` }
  }
  const boundary = boundaryOf(parameters)
  if (!boundary) return { status: 400, message: 'The multipart/form-data Content-Type has no boundary parameter.' }
  if (boundary.length > MAX_MULTIPART_BOUNDARY_LENGTH) {
    return {
      status: 400,
      message: `The multipart boundary is ${boundary.length} characters long; it may be at most ${MAX_MULTIPART_BOUNDARY_LENGTH}.`,
    }
  }
  if (!MULTIPART_BOUNDARY.test(boundary)) {
    return {
      status: 400,
      message: 'The multipart boundary has characters RFC 2046 does not allow, or ends with a space.',
    }
  }
  return { boundary }
}

/**
 * Why this multipart/form-data write cannot be parsed, or null when its shape is sound: a boundary
 * parameter within RFC 2046, a body that opens with the boundary delimiter and has a closing delimiter.
 */
export function multipartProblem(contentType: string, body: Uint8Array): BodyRefusal | null {
  const checked = boundaryProblem(contentType)
  if (!('boundary' in checked)) return checked
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const delimiter = `--${checked.boundary}`
  if (!bytes.subarray(0, delimiter.length + 2).equals(Buffer.from(`${delimiter}\r\n`))) {
    return {
      status: 400,
      message: 'The multipart body does not start with its boundary delimiter ("--" + boundary + CRLF).',
    }
  }
  if (bytes.indexOf(`\r\n${delimiter}--`, delimiter.length) < 0) {
    return {
      status: 400,
      message: 'The multipart body has no closing delimiter ("--" + boundary + "--"); it was cut short.',
    }
  }
  return null
}

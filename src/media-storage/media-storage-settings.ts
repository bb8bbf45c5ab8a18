// Where uploaded media files live: on this machine's disk by default, in an S3-compatible bucket when the
// S3_* variables are set. The one place that reads them; no Payload imports, so the server checks them
// at start (src/server/server-settings.ts) and unit tests need no database.

import type { Environment } from '../config/environment'

/**
 * The folder media files go to without S3. Tests point it at a temporary folder so uploads never land in the
 * working tree.
 */
export function localMediaDirectory(env: Environment): string {
  return env.CLOUDLEX_MEDIA_DIR || 'media'
}

export const S3_VARIABLES = [
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_PREFIX',
] as const

export type S3Settings = {
  bucket: string
  region: string
  /** A non-AWS service (MinIO, Cloudflare R2, …); undefined for AWS S3 itself. */
  endpoint: string | undefined
  /** Address objects as endpoint/bucket/key instead of bucket.endpoint/key (MinIO needs this). */
  forcePathStyle: boolean
  /** Never print these. */
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** The folder inside the bucket media objects go to, without leading or trailing slashes; '' for the root. */
  prefix: string
}

// AWS's rules for new buckets; MinIO and R2 follow them too.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9-]+$/
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/

function valueOf(env: Environment, name: (typeof S3_VARIABLES)[number]): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

/** null when no S3_* variable is set: media stays on local disk. Anything in between is a mistake. */
export function readS3Settings(env: Environment): S3Settings | null {
  const present = S3_VARIABLES.filter((name) => valueOf(env, name) !== undefined)
  if (present.length === 0) return null
  const bucket = valueOf(env, 'S3_BUCKET')
  if (!bucket) {
    throw new Error(
      `S3_BUCKET is not set, but ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'}: set S3_BUCKET to keep media in S3-compatible storage, or unset the others to keep it on local disk.`,
    )
  }
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(
      `S3_BUCKET must be a bucket name (3 to 63 lowercase letters, digits, dots and hyphens), not "${bucket}".`,
    )
  }
  return {
    bucket,
    region: readRegion(env),
    endpoint: readEndpoint(env),
    forcePathStyle: readForcePathStyle(env),
    credentials: readCredentials(env),
    prefix: readPrefix(env),
  }
}

function readRegion(env: Environment): string {
  const region = valueOf(env, 'S3_REGION')
  if (!region)
    throw new Error(
      'S3_REGION is not set: give the bucket\'s region (for MinIO usually us-east-1, for Cloudflare R2 "auto").',
    )
  if (!REGION.test(region)) throw new Error(`S3_REGION must look like us-east-1 or auto, not "${region}".`)
  return region
}

function readEndpoint(env: Environment): string | undefined {
  const endpoint = valueOf(env, 'S3_ENDPOINT')
  if (!endpoint) return undefined
  const shape = "S3_ENDPOINT must be the service's http:// or https:// address, such as http://minio:9000"
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new Error(`${shape}; the value given is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${shape}, not ${url.protocol}//…`)
  // The value is echoed in nothing, but credentials in a URL end up in logs elsewhere.
  if (url.username || url.password)
    throw new Error(`${shape}, without credentials in it: use S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.`)
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`${shape}, without a path: the bucket goes in S3_BUCKET and a folder in S3_PREFIX.`)
  return url.origin
}

function readForcePathStyle(env: Environment): boolean {
  const value = valueOf(env, 'S3_FORCE_PATH_STYLE')
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  throw new Error(`S3_FORCE_PATH_STYLE must be true or false, not "${value}".`)
}

function readCredentials(env: Environment): S3Settings['credentials'] {
  const accessKeyId = valueOf(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = valueOf(env, 'S3_SECRET_ACCESS_KEY')
  if (accessKeyId && secretAccessKey) return { accessKeyId, secretAccessKey }
  const missing = [accessKeyId ? null : 'S3_ACCESS_KEY_ID', secretAccessKey ? null : 'S3_SECRET_ACCESS_KEY'].filter(
    Boolean,
  )
  throw new Error(
    `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: S3 storage needs both the access key id and its secret.`,
  )
}

function readPrefix(env: Environment): string {
  const value = valueOf(env, 'S3_PREFIX')
  if (value === undefined) return ''
  const segments = value.replace(/^\/+|\/+$/g, '').split('/')
  const bad = segments.find((segment) => !PREFIX_SEGMENT.test(segment) || segment === '.' || segment === '..')
  if (bad !== undefined) {
    throw new Error(
      `S3_PREFIX must be a folder path such as cloudlex/media (letters, digits, . _ - and /, no empty, . or .. parts), not "${value}".`,
    )
  }
  return segments.join('/')
}

/** The line the server prints at start; names the bucket, never the credentials. */
export function describeMediaStorage(settings: S3Settings | null, localDirectory: string): string {
  if (!settings) return `Media files: on local disk in ${localDirectory} (this machine only); S3_BUCKET is not set.`
  const where = settings.endpoint ?? `AWS S3 (${settings.region})`
  return `Media files: bucket ${settings.bucket} at ${where}${settings.prefix ? `, under ${settings.prefix}/` : ''}, served through /api/media/file/.`
}

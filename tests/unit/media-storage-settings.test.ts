import { describe, expect, it } from 'vitest'

import {
  describeMediaStorage,
  localMediaDirectory,
  readS3Settings,
  S3_VARIABLES,
} from '@/media-storage/media-storage-settings'

const COMPLETE = {
  S3_BUCKET: 'cloudlex-media',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLEKEYID',
  S3_SECRET_ACCESS_KEY: 'example-secret-access-key-not-real',
}

const without = (name: keyof typeof COMPLETE) =>
  Object.fromEntries(Object.entries(COMPLETE).filter(([key]) => key !== name))

describe('media storage settings', () => {
  it('keep media on local disk when no S3 variable is set, even blank ones', () => {
    expect(readS3Settings({})).toBeNull()
    expect(readS3Settings({ S3_BUCKET: '  ', S3_REGION: '', CLOUDLEX_MEDIA_DIR: '/srv/media' })).toBeNull()
    expect(localMediaDirectory({})).toBe('media')
    expect(localMediaDirectory({ CLOUDLEX_MEDIA_DIR: '/srv/media' })).toBe('/srv/media')
  })

  it('read a complete AWS setting: bucket, region, both credentials, virtual-hosted addressing, bucket root', () => {
    expect(readS3Settings(COMPLETE)).toEqual({
      bucket: 'cloudlex-media',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: { accessKeyId: 'AKIAEXAMPLEKEYID', secretAccessKey: 'example-secret-access-key-not-real' },
      prefix: '',
    })
  })

  it('read an S3-compatible service: endpoint, path-style addressing and a folder, slashes trimmed', () => {
    const settings = readS3Settings({
      ...COMPLETE,
      S3_ENDPOINT: 'http://minio.internal:9000/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: '/cloudlex/media/',
    })
    expect(settings).toMatchObject({
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
      prefix: 'cloudlex/media',
    })
    expect(readS3Settings({ ...COMPLETE, S3_FORCE_PATH_STYLE: 'false' })?.forcePathStyle).toBe(false)
  })

  it('refuse S3 variables without S3_BUCKET, naming the bucket variable and the ones that are set', () => {
    expect(() => readS3Settings({ S3_REGION: 'us-east-1' })).toThrow(/^S3_BUCKET is not set, but S3_REGION is:/)
    expect(() => readS3Settings(without('S3_BUCKET'))).toThrow(
      /S3_BUCKET is not set, but S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are/,
    )
  })

  it('refuse a bucket without credentials, naming both variables', () => {
    expect(() => readS3Settings({ S3_BUCKET: 'cloudlex-media', S3_REGION: 'us-east-1' })).toThrow(
      /^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are not set/,
    )
  })

  it.each(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)('refuse half the credentials: %s missing', (name) => {
    expect(() => readS3Settings(without(name))).toThrow(new RegExp(`^${name} is not set: S3 storage needs both`))
  })

  it('refuse a bucket without a region, saying what to use for MinIO and R2', () => {
    expect(() => readS3Settings(without('S3_REGION'))).toThrow(/^S3_REGION is not set: .*us-east-1.*"auto"/)
  })

  it.each([
    ['S3_BUCKET', 'Cloudlex_Media', /^S3_BUCKET must be a bucket name/],
    ['S3_BUCKET', 'ab', /^S3_BUCKET must be a bucket name/],
    ['S3_REGION', 'US East', /^S3_REGION must look like us-east-1/],
    ['S3_ENDPOINT', 'minio:9000', /^S3_ENDPOINT must be .*, not minio:\/\/…/],
    ['S3_ENDPOINT', 'not a url', /^S3_ENDPOINT must be .*not a URL/],
    ['S3_ENDPOINT', 'ftp://minio.internal', /^S3_ENDPOINT must be .*, not ftp:\/\/…/],
    ['S3_ENDPOINT', 'https://key:secret@minio.internal', /^S3_ENDPOINT must be .*without credentials in it/],
    ['S3_ENDPOINT', 'https://minio.internal/cloudlex-media', /^S3_ENDPOINT must be .*without a path/],
    ['S3_FORCE_PATH_STYLE', 'yes', /^S3_FORCE_PATH_STYLE must be true or false, not "yes"/],
    ['S3_PREFIX', 'media/../secrets', /^S3_PREFIX must be a folder path/],
    ['S3_PREFIX', 'media//logos', /^S3_PREFIX must be a folder path/],
    ['S3_PREFIX', 'media files', /^S3_PREFIX must be a folder path/],
  ])('refuse %s=%s, naming the variable', (name, value, message) => {
    expect(() => readS3Settings({ ...COMPLETE, [name]: value })).toThrow(message)
  })

  it('never put the secret access key or the endpoint credentials in an error or the start line', () => {
    const secret = COMPLETE.S3_SECRET_ACCESS_KEY
    const messages: string[] = []
    for (const [name, value] of [
      ['S3_ENDPOINT', `https://key:${secret}@minio.internal`],
      ['S3_REGION', ''],
      ['S3_ACCESS_KEY_ID', ''],
    ] as const) {
      try {
        readS3Settings({ ...COMPLETE, [name]: value })
      } catch (error) {
        messages.push((error as Error).message)
      }
    }
    messages.push(
      describeMediaStorage(
        readS3Settings({ ...COMPLETE, S3_ENDPOINT: 'https://r2.example.com', S3_PREFIX: 'cms' }),
        'media',
      ),
    )
    expect(messages).toHaveLength(4)
    for (const message of messages) expect(message).not.toContain(secret)
  })

  it('describe where media goes at start', () => {
    expect(describeMediaStorage(null, '/srv/media')).toMatch(
      /^Media files: on local disk in \/srv\/media \(this machine only\)/,
    )
    expect(describeMediaStorage(readS3Settings(COMPLETE), 'media')).toBe(
      'Media files: bucket cloudlex-media at AWS S3 (us-east-1), served through /api/media/file/.',
    )
    expect(
      describeMediaStorage(
        readS3Settings({ ...COMPLETE, S3_ENDPOINT: 'http://minio:9000', S3_PREFIX: 'cms' }),
        'media',
      ),
    ).toBe('Media files: bucket cloudlex-media at http://minio:9000, under cms/, served through /api/media/file/.')
  })

  it('count any of the seven S3 variables as asking for S3', () => {
    const allButBucket = Object.fromEntries(
      S3_VARIABLES.filter((name) => name !== 'S3_BUCKET').map((name) => [name, 'x']),
    )
    expect(() => readS3Settings(allButBucket)).toThrow(
      'but S3_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX are',
    )
  })
})

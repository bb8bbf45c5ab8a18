// The built Payload config hands media files to the S3 adapter exactly when the S3_* settings are present,
// with the same media fields either way (one schema for types, GraphQL and migrations).
import type { SanitizedCollectionConfig } from 'payload'
import { afterEach, describe, expect, it, vi } from 'vitest'

const S3_ENV = {
  S3_BUCKET: 'cloudlex-config-test',
  S3_REGION: 'us-east-1',
  S3_ENDPOINT: 'http://127.0.0.1:9',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'config-test-key',
  S3_SECRET_ACCESS_KEY: 'config-test-secret',
}

/** The media collection of payload.config.ts, built afresh under the given environment. */
async function buildMediaCollection(env: Record<string, string>): Promise<SanitizedCollectionConfig> {
  vi.resetModules()
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  const config = await (await import('@payload-config')).default
  const media = config.collections.find((collection) => collection.slug === 'media')
  if (!media) throw new Error('payload.config.ts has no media collection')
  return media
}

const fieldNames = (collection: SanitizedCollectionConfig) =>
  collection.fields.map((field) => ('name' in field ? field.name : field.type))

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('media storage in the built config', () => {
  it('keeps media files on local disk in staticDir when no S3 variable is set', async () => {
    const media = await buildMediaCollection({})
    expect(media.upload.staticDir).toBe(process.env.CLOUDLEX_MEDIA_DIR)
    expect(media.upload.adapter).toBeUndefined()
    expect(media.upload.disableLocalStorage).toBeFalsy()
    expect(media.upload.handlers ?? []).toHaveLength(0)
  })

  it('hands media files to the S3 adapter, serving them through a Payload handler, when the S3 settings are set', async () => {
    const media = await buildMediaCollection(S3_ENV)
    expect(media.upload.adapter).toBe('s3')
    expect(media.upload.disableLocalStorage).toBe(true)
    expect(media.upload.handlers).toHaveLength(1)
  })

  it('gives media the same fields either way', async () => {
    const local = fieldNames(await buildMediaCollection({}))
    const s3 = fieldNames(await buildMediaCollection(S3_ENV))
    expect(local).toEqual(expect.arrayContaining(['prefix', '_objectKey']))
    expect(s3).toEqual(local)
  })

  it('refuses to build with half the S3 settings, naming what is missing', async () => {
    await expect(buildMediaCollection({ ...S3_ENV, S3_SECRET_ACCESS_KEY: '' })).rejects.toThrow(
      /^S3_SECRET_ACCESS_KEY is not set/,
    )
  })
})

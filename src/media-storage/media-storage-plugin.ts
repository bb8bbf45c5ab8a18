// Payload's S3 storage adapter for the media collection, switched on by the S3_* settings
// (./media-storage-settings.ts); without them the collection keeps its files in upload.staticDir.
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { S3Settings } from './media-storage-settings'

export function mediaStoragePlugin(settings: S3Settings | null): Plugin {
  return s3Storage({
    enabled: settings !== null,
    // The adapter adds `prefix` and `_objectKey` to the collection. Inserting them in both modes keeps one
    // schema (generated types, GraphQL, SQLite migrations) whichever storage an instance uses; with S3 on,
    // the adapter adds `prefix` only when it is given one, so it always is ('' for the bucket's root).
    alwaysInsertFields: true,
    // disablePayloadAccessControl stays off: files are served at /api/media/file/<name>, behind the media
    // collection's read access, exactly as from local disk, so the bucket stays private and stored URLs
    // keep working when an installation moves its files to a bucket.
    collections: { media: { prefix: settings?.prefix ?? '' } },
    bucket: settings?.bucket ?? '',
    // The adapter caches S3 clients per key in its module, so the key says which service it talks to.
    clientCacheKey: settings ? `cloudlex-media:${settings.endpoint ?? settings.region}:${settings.bucket}` : undefined,
    config: settings ? s3ClientConfig(settings) : {},
  })
}

function s3ClientConfig(settings: S3Settings) {
  return {
    region: settings.region,
    credentials: settings.credentials,
    ...(settings.endpoint
      ? {
          endpoint: settings.endpoint,
          // Newer AWS SDKs add CRC checksums to every request, which not every S3-compatible service
          // accepts; other services get checksums only where the S3 API requires them.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
    forcePathStyle: settings.forcePathStyle,
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { withRequestCaps } from '@/api-limits/enforce-request-caps'
import { GRAPHQL_MAX_COMPLEXITY, graphQLRequestCapRules } from '@/api-limits/graphql-request-caps'
import { ApiClients } from '@/collections/ApiClients'
import { AuditLog } from '@/collections/AuditLog'
import { Categories } from '@/collections/Categories'
import { ContentChanges } from '@/collections/ContentChanges'
import { Faqs } from '@/collections/Faqs'
import { Media } from '@/collections/Media'
import { Providers } from '@/collections/Providers'
import { Releases } from '@/collections/Releases'
import { Terms } from '@/collections/Terms'
import { UseCases } from '@/collections/UseCases'
import { Users } from '@/collections/Users'
import { WebhookDeliveries } from '@/collections/WebhookDeliveries'
import { WebhookEndpoints } from '@/collections/WebhookEndpoints'
import { recordFailedGraphQLLogin } from '@/collections/Users/hooks/record-failed-login'
import { withAllOrNothingBulkWrites } from '@/concurrency/all-or-nothing-bulk-writes'
import { codeStaleVersionGraphqlErrors } from '@/concurrency/graphql-stale-version'
import { readCorsConfig } from '@/cross-origin/cors-config'
import { createDatabaseAdapter } from '@/db/database-adapter'
import { readPayloadSecret } from '@/config/env'
import { mediaStoragePlugin } from '@/media-storage/media-storage-plugin'
import { readS3Settings } from '@/media-storage/media-storage-settings'
import { seedOnFirstStart } from '@/first-start/seed-on-first-start'
import { jobsConfig } from '@/workflow/scheduling'
import { treatScheduledPublishesAsUnattended } from '@/workflow/unattended-publish'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: readPayloadSecret(),
  // Read at run time: a NEXT_PUBLIC_ variable would be frozen into the build, and Payload checks the
  // origin of cookie-authenticated writes against this address.
  serverURL: process.env.SERVER_URL || undefined,
  // Browser clients on other origins (CLOUDLEX_CORS_ORIGINS), allowed to send If-Match; unset: none.
  cors: readCorsConfig(),
  db: createDatabaseAdapter(),
  editor: lexicalEditor(),
  // Every collection caps what one REST request may ask for (depth, page size, where); see src/api-limits.
  // Its bulk updates and deletes are all or nothing; see src/concurrency/all-or-nothing-bulk-writes.ts.
  collections: [
    Terms,
    UseCases,
    Faqs,
    Releases,
    Categories,
    Providers,
    Media,
    Users,
    ApiClients,
    WebhookEndpoints,
    WebhookDeliveries,
    AuditLog,
    ContentChanges,
  ]
    .map(withRequestCaps)
    .map(withAllOrNothingBulkWrites),
  hooks: { afterError: [recordFailedGraphQLLogin, codeStaleVersionGraphqlErrors] },
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · Cloudlex admin' },
    importMap: { baseDir: path.resolve(dirname, 'src') },
    components: {
      beforeDashboard: ['/admin/editorial-dashboard#EditorialDashboard'],
      // In production the first admin comes from the operator; the screen says how instead of a form.
      views: { createFirstUser: { Component: '/admin/first-account-view#FirstAccountView' } },
    },
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    validationRules: graphQLRequestCapRules,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  jobs: {
    ...jobsConfig,
    jobsCollectionOverrides: (args) =>
      withRequestCaps(jobsConfig.jobsCollectionOverrides?.(args) ?? args.defaultJobsCollection),
  },
  // Media files on local disk, or in an S3-compatible bucket when S3_* is set (README, "Uploads on S3-compatible storage").
  plugins: [mediaStoragePlugin(readS3Settings(process.env))],
  sharp,
  telemetry: false,
  // Command-line tools print their results on stdout (JSON with --json), so Payload's own log lines go
  // to stderr there, errors only.
  logger: process.env.CLOUDLEX_CLI === '1' ? { options: { level: 'error' }, destination: process.stderr } : undefined,
  onInit: async (payload) => {
    treatScheduledPublishesAsUnattended(payload.config)
    await seedOnFirstStart(payload)
  },
})

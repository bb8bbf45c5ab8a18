// manifest.json, the first entry of a backup archive: what the archive holds and how to check it.
// A restore reads nothing else before the manifest has been checked.
import fs from 'node:fs'

import { z } from 'zod'

import { BackupProblem } from './backup-locations'

export const BACKUP_FORMAT = 'cloudlex-backup'
export const BACKUP_FORMAT_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'
export const DATABASE_ENTRY = 'database.sqlite'
/** Media files sit under this folder in the archive, with their paths inside the media folder. */
export const MEDIA_ENTRY_FOLDER = 'media'

const mediaInBackup = z.discriminatedUnion('storage', [
  z.object({
    storage: z.literal('local'),
    source: z.string(),
    files: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  z.object({
    storage: z.literal('s3'),
    bucket: z.string(),
    prefix: z.string(),
    endpoint: z.string().nullable(),
    /** Always 0: the files stay in the bucket. */
    files: z.literal(0),
    bytes: z.literal(0),
    note: z.string(),
  }),
])

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  database: z.object({
    kind: z.literal('sqlite'),
    source: z.string(),
    entry: z.literal(DATABASE_ENTRY),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  media: mediaInBackup,
})

export type BackupManifest = z.infer<typeof manifestSchema>
export type MediaInBackup = z.infer<typeof mediaInBackup>

/**
 * Checks a manifest's text, naming the first problem: not JSON, another format, a version this code does not
 * read, a missing field.
 */
export function parseManifest(text: string): BackupManifest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new BackupProblem(`${MANIFEST_ENTRY} is not JSON: the archive is damaged or not a Cloudlex backup.`)
  }
  const { format, formatVersion } = (value ?? {}) as { format?: unknown; formatVersion?: unknown }
  if (format !== BACKUP_FORMAT) {
    throw new BackupProblem(
      `${MANIFEST_ENTRY} is not a Cloudlex backup manifest (format ${JSON.stringify(format)}, expected "${BACKUP_FORMAT}").`,
    )
  }
  if (formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupProblem(
      `the archive has backup format version ${JSON.stringify(formatVersion)}; this Cloudlex reads version ${BACKUP_FORMAT_VERSION}. Restore it with the Cloudlex version that made it (${JSON.stringify((value as { appVersion?: unknown }).appVersion ?? 'unknown')}).`,
    )
  }
  const parsed = manifestSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new BackupProblem(
      `${MANIFEST_ENTRY} is incomplete: ${issue.path.join('.') || 'the manifest'}: ${issue.message}.`,
    )
  }
  return parsed.data
}

/** This app's version, from its package.json, for the manifest. */
export function appVersion(): string {
  const packageJson = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string
  }
  return packageJson.version ?? 'unknown'
}

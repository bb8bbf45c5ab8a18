// Where the data a backup holds lives, read from the same settings as the app: the database file from
// DATABASE_URI, media files from CLOUDLEX_MEDIA_DIR or the S3 bucket. No Payload imports, so the commands
// start fast and the checks run in unit tests.
import path from 'node:path'

import { databaseKindOf, resolveDatabaseUri } from '@/db/database-adapter'
import { localMediaDirectory, readS3Settings } from '@/media-storage/media-storage-settings'
import type { Environment } from '@/config/environment'

export const README_BACKUP_SECTION = 'README.md, "Backup and restore"'

/**
 * A problem with the operator's input or settings: the command prints the message and exits 1, having written
 * nothing.
 */
export class BackupProblem extends Error {}

export type MediaBucket = { bucket: string; prefix: string; endpoint: string | null }

export type DataLocations = {
  databaseUri: string
  databaseFile: string
  /** The local media folder, absolute: where files live without S3, and where a restore puts them. */
  mediaDirectory: string
  /** Set when S3 storage is configured: media files live in this bucket instead. */
  mediaBucket: MediaBucket | null
}

/**
 * The file a `file:` URI names, as libsql reads it: `file:relative/path.db` from the working directory,
 * `file:/absolute.db` or `file:///absolute.db`, percent-escapes decoded, query and fragment ignored.
 */
export function sqliteFileOf(uri: string, cwd: string = process.cwd()): string {
  let filePath = uri.slice('file:'.length).split(/[?#]/)[0] ?? ''
  if (filePath.startsWith('//')) {
    const pathStart = filePath.indexOf('/', 2)
    const host = filePath.slice(2, pathStart === -1 ? undefined : pathStart)
    if (host !== '' && host.toLowerCase() !== 'localhost') {
      throw new BackupProblem(
        `DATABASE_URI names a file on host "${host}": a SQLite file must be on this machine (file:/absolute/path.db or file:relative/path.db).`,
      )
    }
    filePath = pathStart === -1 ? '' : filePath.slice(pathStart)
  }
  try {
    filePath = decodeURIComponent(filePath)
  } catch {
    throw new BackupProblem('DATABASE_URI has a malformed percent-escape in its path.')
  }
  if (filePath === '' || filePath === ':memory:') {
    throw new BackupProblem('DATABASE_URI names an in-memory database, which has no file to back up or restore.')
  }
  return path.resolve(cwd, filePath)
}

function refuseMongoDb(command: 'backup' | 'restore'): never {
  const instead =
    command === 'backup'
      ? 'back MongoDB up with replica-set snapshots or mongodump --oplog, and the uploads folder or bucket with it'
      : 'restore MongoDB with mongorestore --oplogReplay (or from a replica-set snapshot)'
  throw new BackupProblem(
    `DATABASE_URI points at MongoDB: npm run ${command} copies SQLite files only. For MongoDB, ${instead}; see ${README_BACKUP_SECTION}.`,
  )
}

function mediaBucketOf(env: Environment): MediaBucket | null {
  const s3 = readS3Settings(env)
  return s3 ? { bucket: s3.bucket, prefix: s3.prefix, endpoint: s3.endpoint ?? null } : null
}

/** The database file and media location the app would use with this environment; refuses MongoDB. */
export function dataLocations(
  command: 'backup' | 'restore',
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): DataLocations {
  const databaseUri = resolveDatabaseUri(env)
  let kind: ReturnType<typeof databaseKindOf>
  try {
    kind = databaseKindOf(databaseUri)
  } catch (error) {
    throw new BackupProblem((error as Error).message)
  }
  if (kind === 'mongodb') refuseMongoDb(command)
  return {
    databaseUri,
    databaseFile: sqliteFileOf(databaseUri, cwd),
    mediaDirectory: path.resolve(cwd, localMediaDirectory(env)),
    mediaBucket: mediaBucketOf(env),
  }
}

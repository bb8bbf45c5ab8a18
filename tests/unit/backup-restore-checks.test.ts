// What `npm run backup` and `npm run restore` check before touching anything: their arguments, where the
// data lives (the same settings the app reads), and a backup manifest.
import { describe, expect, it } from 'vitest'

import { parseBackupArgs, parseRestoreArgs } from '@/backup/backup-cli'
import { dataLocations, sqliteFileOf } from '@/backup/backup-locations'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, parseManifest, type BackupManifest } from '@/backup/backup-manifest'

describe('backup and restore arguments', () => {
  it('takes --out and --force for a backup, and requires --out', () => {
    expect(parseBackupArgs(['--out', 'backups/today.tar.gz'])).toEqual({ out: 'backups/today.tar.gz', force: false })
    expect(parseBackupArgs(['--out', 'b.tar.gz', '--force'])).toEqual({ out: 'b.tar.gz', force: true })
    expect(() => parseBackupArgs([])).toThrow('--out FILE is required')
    expect(() => parseBackupArgs(['--out', 'b.tar.gz', '--outt', 'x'])).toThrow(/Unknown option '--outt'/)
  })

  it('takes exactly one archive for a restore, with optional --to, --media and --force', () => {
    expect(parseRestoreArgs(['b.tar.gz'])).toEqual({
      archive: 'b.tar.gz',
      to: undefined,
      media: undefined,
      force: false,
    })
    expect(parseRestoreArgs(['--to', '/srv/new.db', '--media', '/srv/media', 'b.tar.gz', '--force'])).toEqual({
      archive: 'b.tar.gz',
      to: '/srv/new.db',
      media: '/srv/media',
      force: true,
    })
    expect(() => parseRestoreArgs([])).toThrow('give exactly one backup archive to restore, not 0')
    expect(() => parseRestoreArgs(['a.tar.gz', 'b.tar.gz'])).toThrow('not 2')
    expect(() => parseRestoreArgs(['--to', '', 'b.tar.gz'])).toThrow('--to needs a file name')
  })
})

describe('where the data lives', () => {
  it('reads a file: URI as libsql does: relative to the working directory, one or three slashes, escapes decoded', () => {
    expect(sqliteFileOf('file:./data/cloudlex.db', '/srv/app')).toBe('/srv/app/data/cloudlex.db')
    expect(sqliteFileOf('file:data/cloudlex.db', '/srv/app')).toBe('/srv/app/data/cloudlex.db')
    expect(sqliteFileOf('file:/var/lib/cloudlex.db', '/srv/app')).toBe('/var/lib/cloudlex.db')
    expect(sqliteFileOf('file:///var/lib/cloudlex.db', '/srv/app')).toBe('/var/lib/cloudlex.db')
    expect(sqliteFileOf('file://localhost/var/lib/cloudlex.db', '/srv/app')).toBe('/var/lib/cloudlex.db')
    expect(sqliteFileOf('file:/var/lib/my%20glossary.db?mode=rwc#x', '/srv/app')).toBe('/var/lib/my glossary.db')
  })

  it('refuses a file on another host, an in-memory database and a malformed escape', () => {
    expect(() => sqliteFileOf('file://nas/share/cloudlex.db')).toThrow('a SQLite file must be on this machine')
    expect(() => sqliteFileOf('file::memory:')).toThrow('in-memory database')
    expect(() => sqliteFileOf('file:')).toThrow('in-memory database')
    expect(() => sqliteFileOf('file:/data/%E0%A4%A.db')).toThrow('malformed percent-escape')
  })

  it('uses the default database of the environment, the media folder and says when media is in a bucket', () => {
    expect(dataLocations('backup', { NODE_ENV: 'production' }, '/srv/app')).toEqual({
      databaseUri: 'file:./data/cloudlex.db',
      databaseFile: '/srv/app/data/cloudlex.db',
      mediaDirectory: '/srv/app/media',
      mediaBucket: null,
    })
    const withBucket = dataLocations(
      'backup',
      {
        NODE_ENV: 'production',
        DATABASE_URI: 'file:/db/cloudlex.db',
        CLOUDLEX_MEDIA_DIR: '/uploads',
        S3_BUCKET: 'cloudlex-media',
        S3_REGION: 'eu-central-1',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PREFIX: '/glossary/media/',
      },
      '/srv/app',
    )
    expect(withBucket).toMatchObject({ databaseFile: '/db/cloudlex.db', mediaDirectory: '/uploads' })
    expect(withBucket.mediaBucket).toEqual({ bucket: 'cloudlex-media', prefix: 'glossary/media', endpoint: null })
  })

  it('refuses MongoDB for both commands, pointing at the README section', () => {
    const env = { NODE_ENV: 'production', DATABASE_URI: 'mongodb://mongo:27017/cloudlex?replicaSet=rs0' } as const
    expect(() => dataLocations('backup', env)).toThrow(
      /npm run backup copies SQLite files only\. For MongoDB, back MongoDB up with replica-set snapshots or mongodump --oplog.*README\.md, "Backup and restore"/,
    )
    expect(() => dataLocations('restore', env)).toThrow(
      /npm run restore copies SQLite files only\. For MongoDB, restore MongoDB with mongorestore --oplogReplay/,
    )
  })
})

const goodManifest: BackupManifest = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  createdAt: '2026-12-02T10:00:00.000Z',
  appVersion: '0.1.0',
  database: {
    kind: 'sqlite',
    source: '/srv/app/data/cloudlex.db',
    entry: 'database.sqlite',
    bytes: 4096,
    sha256: 'a'.repeat(64),
  },
  media: { storage: 'local', source: '/srv/app/media', files: 2, bytes: 1234 },
}
const manifestWith = (change: Record<string, unknown>) => JSON.stringify({ ...goodManifest, ...change })

describe('a backup manifest', () => {
  it('reads a complete one, local media or a bucket', () => {
    expect(parseManifest(JSON.stringify(goodManifest))).toEqual(goodManifest)
    const inBucket = {
      storage: 's3',
      bucket: 'b-1',
      prefix: '',
      endpoint: null,
      files: 0,
      bytes: 0,
      note: 'in the bucket',
    }
    expect(parseManifest(manifestWith({ media: inBucket })).media).toEqual(inBucket)
  })

  it('names the problem: not JSON, another format, another version, a missing or malformed field', () => {
    expect(() => parseManifest('{"format":')).toThrow('manifest.json is not JSON')
    expect(() => parseManifest(manifestWith({ format: 'something-else' }))).toThrow(
      'not a Cloudlex backup manifest (format "something-else"',
    )
    expect(() => parseManifest(manifestWith({ formatVersion: 2, appVersion: '9.0.0' }))).toThrow(
      'backup format version 2; this Cloudlex reads version 1. Restore it with the Cloudlex version that made it ("9.0.0")',
    )
    const { sha256: _dropped, ...withoutChecksum } = goodManifest.database
    expect(() => parseManifest(manifestWith({ database: withoutChecksum }))).toThrow(
      'manifest.json is incomplete: database.sha256',
    )
    expect(() => parseManifest(manifestWith({ createdAt: 'yesterday' }))).toThrow('incomplete: createdAt')
    expect(() => parseManifest(manifestWith({ media: { ...goodManifest.media, files: -1 } }))).toThrow(
      'incomplete: media.files',
    )
  })
})

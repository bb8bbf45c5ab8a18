// `npm run backup` while a Payload writes terms, use cases, FAQs and media to the same SQLite file, then
// `npm run restore` into a fresh folder, read back with Payload in a process of its own: the restored
// glossary is exactly the glossary after one of the writes made while the backup ran, and every media
// file it refers to is restored byte for byte. Then every refusal: an existing archive or database, a
// database in use, damaged archives, MongoDB.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { create as createTar, extract, list } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sqliteFileOf } from '@/backup/backup-locations'
import { plainTextToRichText } from '@/content-format/rich-text'

import { canonicalJson, stateDifferences, termState, type GlossaryState } from './support/glossary-state'
import { getTestPayload, REPO_ROOT } from './support/harness'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-backup-'))
const sourceDatabase = sqliteFileOf(process.env.DATABASE_URI!)
const sourceMedia = process.env.CLOUDLEX_MEDIA_DIR!
const CLI_TIMEOUT_MS = 120_000

type CommandRun = { status: number | null; stdout: string; stderr: string }

/** Runs a script to its end; `whileRunning` may act on the process meanwhile (send it a signal). */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  whileRunning?: (child: ChildProcess) => () => void,
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation --conditions=production', ...env },
      timeout: CLI_TIMEOUT_MS,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const stopWatching = whileRunning?.(child)
    child.on('error', reject)
    child.on('close', (status) => {
      stopWatching?.()
      resolve({ status, stdout, stderr })
    })
  })
}

/** The commands as an operator runs them: production settings, this test's database and media folder. */
const operatorEnv = { NODE_ENV: 'production', DATABASE_URI: `file:${sourceDatabase}`, CLOUDLEX_MEDIA_DIR: sourceMedia }
const backup = (args: string[], env: Record<string, string> = {}) =>
  runScript('seed/cli/backup.ts', args, { ...operatorEnv, ...env })
const restore = (args: string[], env: Record<string, string> = {}) =>
  runScript('seed/cli/restore.ts', args, { ...operatorEnv, ...env })

async function restoredGlossary(databaseFile: string, mediaDirectory: string): Promise<GlossaryState> {
  const run = await runScript('tests/int/support/glossary-state-child.ts', [], {
    NODE_ENV: 'test',
    DATABASE_URI: `file:${databaseFile}`,
    CLOUDLEX_MEDIA_DIR: mediaDirectory,
    CLOUDLEX_SEED: 'off',
    CLOUDLEX_JOBS: 'off',
  })
  if (run.status !== 0) throw new Error(`reading the restored glossary failed (${run.status}):\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as GlossaryState
}

const sha256Of = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/**
 * Writes through the Local API, one Payload operation (one transaction) at a time, and after each write
 * records the glossary's state: states[k] is the glossary after k writes.
 */
class WriteStream {
  readonly states: string[]
  private readonly state: GlossaryState = { terms: {}, useCases: [], faqs: [], media: {} }
  private readonly termIds: (string | number)[] = []
  private cycles = 0

  constructor(
    private readonly payload: Payload,
    private readonly categoryId: string,
  ) {
    this.states = [canonicalJson(this.state)]
  }

  get writes(): number {
    return this.states.length - 1
  }

  private record() {
    this.states.push(canonicalJson(this.state))
  }

  private async recordTerm(id: string | number) {
    const [slug, state] = await termState(this.payload, id)
    this.state.terms[slug] = state
    this.record()
  }

  /**
   * A new term with a use case and a FAQ, an edit of the previous term, a publication of the one before, and
   * now and then an image.
   */
  async cycle(): Promise<void> {
    const n = this.cycles++
    const useCase = await this.payload.create({
      collection: 'use-cases',
      data: { organization: `Org ${n}`, scenario: `Scenario ${n}.`, solution: `Solution ${n}.` },
    })
    this.state.useCases = [...this.state.useCases, String(useCase.id)].sort()
    this.record()
    const faq = await this.payload.create({
      collection: 'faqs',
      data: { question: `Question ${n}?`, answer: plainTextToRichText(`Answer ${n}.`) },
    })
    this.state.faqs = [...this.state.faqs, String(faq.id)].sort()
    this.record()
    const term = await this.payload.create({
      collection: 'terms',
      draft: true,
      data: {
        title: `Backup Term ${n}`,
        slug: `backup-term-${n}`,
        definition: `Definition ${n}.`,
        category: this.categoryId,
        difficulty: 'beginner',
        useCases: [useCase.id],
        faqs: [faq.id],
      },
    })
    this.termIds.push(term.id)
    await this.recordTerm(term.id)
    if (n >= 1) {
      await this.payload.update({
        collection: 'terms',
        id: this.termIds[n - 1]!,
        draft: true,
        data: { definition: `Definition ${n - 1}, revised.` },
      })
      await this.recordTerm(this.termIds[n - 1]!)
    }
    if (n >= 2) {
      await this.payload.update({ collection: 'terms', id: this.termIds[n - 2]!, data: { _status: 'published' } })
      await this.recordTerm(this.termIds[n - 2]!)
    }
    if (n % 4 === 0) await this.upload(n)
  }

  private async upload(n: number) {
    const png = await sharp({
      create: { width: 16, height: 16, channels: 3, background: { r: n % 256, g: 90, b: 160 } },
    })
      .png()
      .toBuffer()
    const media = await this.payload.create({
      collection: 'media',
      data: { alt: `Diagram ${n}` },
      file: { data: png, mimetype: 'image/png', name: `diagram-${n}.png`, size: png.length },
    })
    this.state.media[media.filename!] = { alt: media.alt, filesize: media.filesize ?? 0 }
    this.record()
  }
}

let payload: Payload
let stream: WriteStream
const archiveUnderWrites = path.join(workDir, 'under-writes.tar.gz')
const restoredDir = path.join(workDir, 'restored')
const restoredDatabase = path.join(restoredDir, 'cloudlex.db')
const restoredMedia = path.join(restoredDir, 'media')

beforeAll(async () => {
  payload = await getTestPayload()
  const category = await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' } })
  stream = new WriteStream(payload, category.id)
  for (let cycle = 0; cycle < 8; cycle += 1) await stream.cycle()
})

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run backup under writes, then npm run restore', () => {
  it(
    'restores the glossary as of one write made while the backup ran, complete, with its media files',
    { timeout: 300_000 },
    async () => {
      const writesBefore = stream.writes
      // A reader keeps a snapshot from before the backup open throughout, as a long page render would:
      // checkpoints cannot move the later writes into the database file, so they are in its -wal only,
      // and a copy that missed the -wal would miss them.
      const oldReader = createClient({ url: process.env.DATABASE_URI! })
      const snapshot = await oldReader.transaction('read')
      await snapshot.execute('SELECT count(*) FROM terms')
      let finished = false
      const backupRun = backup(['--out', archiveUnderWrites]).finally(() => (finished = true))
      try {
        while (!finished) await stream.cycle()
      } finally {
        snapshot.close()
        oldReader.close()
      }
      const backedUp = await backupRun
      const writesAfter = stream.writes
      expect(backedUp.status, backedUp.stderr).toBe(0)
      expect(backedUp.stdout).toContain(`wrote ${archiveUnderWrites}`)
      expect(fs.readdirSync(workDir).filter((name) => name.includes('.partial-'))).toEqual([])

      const restored = await restore([archiveUnderWrites, '--to', restoredDatabase, '--media', restoredMedia])
      expect(restored.status, restored.stderr).toBe(0)
      expect(restored.stdout).toContain('integrity_check ok')
      const glossary = await restoredGlossary(restoredDatabase, restoredMedia)

      // The one write after which the source glossary equals the restored one.
      const restoredJson = canonicalJson(glossary)
      const point = stream.states.findIndex((state, writes) => writes >= writesBefore && state === restoredJson)
      const nearest = point >= 0 ? point : writesBefore
      const differences = stateDifferences(JSON.parse(stream.states[nearest]!) as GlossaryState, glossary)
      const mediaNames = Object.keys(glossary.media)
      const mediaMatching = mediaNames.filter(
        (name) => sha256Of(path.join(restoredMedia, name)) === sha256Of(path.join(sourceMedia, name)),
      )
      const terms = Object.keys(glossary.terms).length
      process.stdout.write(
        `backup under ${writesAfter - writesBefore} writes: ${terms} terms restored, ${terms} compared, ${differences.length} differences; ` +
          `the copy is the glossary after write ${point} (the backup ran during writes ${writesBefore} to ${writesAfter}); ` +
          `${mediaNames.length} media files restored, ${mediaMatching.length} identical to the source\n`,
      )
      expect(differences.slice(0, 5)).toEqual([])
      expect(point).toBeGreaterThan(writesBefore)
      expect(point).toBeLessThanOrEqual(writesAfter)
      expect(mediaMatching).toEqual(mediaNames)
      expect(mediaNames.length).toBeGreaterThan(0)
      expect(restored.stdout).toContain(`${terms} terms`)
    },
  )
})

async function archiveContents(archive: string): Promise<{ entries: string[]; manifest: { media: unknown } }> {
  const entries: string[] = []
  let manifestText = ''
  await list({
    file: archive,
    onReadEntry: (entry) => {
      entries.push(entry.path)
      if (entry.path === 'manifest.json') entry.on('data', (chunk: Buffer) => (manifestText += chunk.toString()))
    },
  })
  return { entries, manifest: JSON.parse(manifestText) as { media: unknown } }
}

/** A copy of the archive under writes with `change` applied to its unpacked files, packed again. */
async function tamperedArchive(name: string, change: (folder: string) => void): Promise<string> {
  const folder = fs.mkdtempSync(path.join(workDir, 'tamper-'))
  await extract({ file: archiveUnderWrites, cwd: folder })
  change(folder)
  const archive = path.join(workDir, name)
  await createTar({ file: archive, cwd: folder, gzip: true, portable: true }, fs.readdirSync(folder))
  return archive
}

function editManifest(folder: string, edit: (manifest: Record<string, unknown>) => void) {
  const file = path.join(folder, 'manifest.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  edit(manifest)
  fs.writeFileSync(file, JSON.stringify(manifest))
}

describe('npm run backup with media in S3', () => {
  it(
    'says the files stay in the bucket, in its output and manifest, and the restore leaves the media folder alone',
    { timeout: 120_000 },
    async () => {
      const bucketEnv = {
        S3_BUCKET: 'cloudlex-media',
        S3_REGION: 'us-east-1',
        S3_ENDPOINT: 'http://127.0.0.1:9',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'backup-test',
        S3_SECRET_ACCESS_KEY: 'backup-test-secret',
        S3_PREFIX: 'glossary',
      }
      const archive = path.join(workDir, 'bucket.tar.gz')
      const backedUp = await backup(['--out', archive], bucketEnv)
      expect(backedUp.status, backedUp.stderr).toBe(0)
      expect(backedUp.stdout).toContain(
        'media files: not included. Media files are in the bucket s3://cloudlex-media/glossary, not in this archive',
      )
      const { entries, manifest } = await archiveContents(archive)
      expect(entries.sort()).toEqual(['database.sqlite', 'manifest.json'])
      expect(manifest.media).toMatchObject({
        storage: 's3',
        bucket: 'cloudlex-media',
        prefix: 'glossary',
        endpoint: 'http://127.0.0.1:9',
        files: 0,
      })

      const target = path.join(workDir, 'from-bucket-backup')
      const restored = await restore(
        [archive, '--to', path.join(target, 'cloudlex.db'), '--media', path.join(target, 'media')],
        bucketEnv,
      )
      expect(restored.status, restored.stderr).toBe(0)
      expect(restored.stdout).toContain(
        'media files: not in this backup. Media files are in the bucket s3://cloudlex-media/glossary',
      )
      expect(fs.readdirSync(target)).toEqual(['cloudlex.db'])
    },
  )
})

describe('what backup and restore refuse', () => {
  it('keeps an existing archive unless --force, and leaves no partial file behind', { timeout: 120_000 }, async () => {
    const before = sha256Of(archiveUnderWrites)
    const refused = await backup(['--out', archiveUnderWrites])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(
      `backup refused: ${archiveUnderWrites} already exists: choose another --out, or add --force to replace it.`,
    )
    expect(sha256Of(archiveUnderWrites)).toBe(before)

    const later = path.join(workDir, 'later.tar.gz')
    fs.copyFileSync(archiveUnderWrites, later)
    await stream.cycle()
    const replaced = await backup(['--out', later, '--force'])
    expect(replaced.status, replaced.stderr).toBe(0)
    expect(sha256Of(later)).not.toBe(before)
    expect(fs.readdirSync(workDir).filter((name) => name.includes('.partial-'))).toEqual([])
  })

  it('keeps an existing database unless --force, saying to stop the server first', { timeout: 120_000 }, async () => {
    const before = sha256Of(restoredDatabase)
    const refused = await restore([archiveUnderWrites, '--to', restoredDatabase, '--media', restoredMedia])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`restore refused: ${restoredDatabase}`)
    expect(refused.stderr).toContain(`${restoredMedia} (not empty) already exist.`)
    expect(refused.stderr).toContain(
      'stop the server (and any import or other tool using the database) first, then run the restore again with --force',
    )
    expect(sha256Of(restoredDatabase)).toBe(before)
  })

  it(
    'refuses --force over a database a running Payload has open, and changes nothing',
    { timeout: 120_000 },
    async () => {
      const termsBefore = await payload.count({ collection: 'terms' })
      const elsewhere = path.join(workDir, 'in-use-media')
      const refused = await restore([archiveUnderWrites, '--force', '--to', sourceDatabase, '--media', elsewhere])
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain(
        `restore refused: ${sourceDatabase} is in use by another process: stop the server`,
      )
      expect(await payload.count({ collection: 'terms' })).toEqual(termsBefore)
      expect(fs.existsSync(elsewhere)).toBe(false)
    },
  )

  it('replaces a database nobody has open with --force', { timeout: 120_000 }, async () => {
    const later = path.join(workDir, 'later.tar.gz')
    const replaced = await restore([later, '--force', '--to', restoredDatabase, '--media', restoredMedia])
    expect(replaced.status, replaced.stderr).toBe(0)
    // The old file and its -wal and -shm are gone, and so is every temporary name.
    expect(fs.readdirSync(restoredDir).sort()).toEqual(['cloudlex.db', 'media'])
    // That archive was made with no writes running: it holds the glossary after the last write.
    const glossary = await restoredGlossary(restoredDatabase, restoredMedia)
    expect(stream.states.lastIndexOf(canonicalJson(glossary))).toBe(stream.writes)
    expect(replaced.stdout).toContain(`integrity_check ok; ${Object.keys(glossary.terms).length} terms`)
  })

  it(
    'refuses a missing file, a non-archive, a cut archive, a changed database, another format version and MongoDB, writing nothing',
    { timeout: 300_000 },
    async () => {
      const notAnArchive = path.join(workDir, 'notes.txt')
      fs.writeFileSync(notAnArchive, 'not a backup\n')
      const cut = path.join(workDir, 'cut.tar.gz')
      const whole = fs.readFileSync(archiveUnderWrites)
      fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)))
      const changedDatabase = await tamperedArchive('changed-database.tar.gz', (folder) => {
        const file = path.join(folder, 'database.sqlite')
        const bytes = fs.readFileSync(file)
        bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff
        fs.writeFileSync(file, bytes)
      })
      const newerFormat = await tamperedArchive('newer-format.tar.gz', (folder) =>
        editManifest(folder, (manifest) => (manifest.formatVersion = 2)),
      )
      const noManifest = await tamperedArchive('no-manifest.tar.gz', (folder) =>
        fs.rmSync(path.join(folder, 'manifest.json')),
      )

      const target = path.join(workDir, 'never')
      const intoTarget = ['--to', path.join(target, 'cloudlex.db'), '--media', path.join(target, 'media')]
      const cases: [string, string, string][] = [
        [
          'missing file',
          path.join(workDir, 'missing.tar.gz'),
          `there is no backup archive at ${path.join(workDir, 'missing.tar.gz')}`,
        ],
        ['not an archive', notAnArchive, `${notAnArchive} is not a readable backup archive (a gzipped tar)`],
        ['cut archive', cut, `${cut} is not a readable backup archive (a gzipped tar)`],
        ['changed database', changedDatabase, 'checksum mismatch: database.sqlite in the archive has sha256'],
        ['newer format', newerFormat, 'the archive has backup format version 2; this Cloudlex reads version 1'],
        ['no manifest', noManifest, `${noManifest} has no manifest.json: it is not a Cloudlex backup`],
      ]
      const outcomes: string[] = []
      for (const [label, archive, message] of cases) {
        const run = await restore([archive, ...intoTarget, '--force'])
        outcomes.push(`${label}: exit ${run.status}`)
        expect(run.status, run.stderr).toBe(1)
        expect(run.stderr).toContain(`restore refused: ${message}`)
        expect(fs.existsSync(target), label).toBe(false)
      }

      const mongoUri = 'mongodb://localhost:27017/cloudlex?replicaSet=rs0'
      const mongoBackup = await backup(['--out', path.join(target, 'mongo.tar.gz')], { DATABASE_URI: mongoUri })
      const mongoRestore = await restore([archiveUnderWrites, ...intoTarget], { DATABASE_URI: mongoUri })
      for (const run of [mongoBackup, mongoRestore]) {
        expect(run.status).toBe(1)
        expect(run.stderr).toMatch(
          /DATABASE_URI points at MongoDB: npm run (backup|restore) copies SQLite files only\..*see README\.md, "Backup and restore"\./,
        )
      }
      expect(fs.existsSync(target)).toBe(false)
      process.stdout.write(
        `refused archives: ${outcomes.join(', ')}; MongoDB: backup exit ${mongoBackup.status}, restore exit ${mongoRestore.status}\n`,
      )
    },
  )
})

describe('an interrupted backup or restore', () => {
  const bigMedia = path.join(workDir, 'big-media')
  const bigEnv = { CLOUDLEX_MEDIA_DIR: bigMedia }

  /** Runs a command, and sends it SIGINT as soon as a work folder matching `workFolder` appears in `folder`. */
  async function interruptOnceWorking(
    script: string,
    args: string[],
    env: Record<string, string>,
    folder: string,
    workFolder: RegExp,
  ) {
    let interruptedAt = ''
    const run = await runScript(script, args, { ...operatorEnv, ...env }, (child) => {
      const watch = setInterval(() => {
        const working = fs.existsSync(folder) ? fs.readdirSync(folder).find((name) => workFolder.test(name)) : undefined
        if (!working) return
        clearInterval(watch)
        interruptedAt = working
        child.kill('SIGINT')
      }, 10)
      return () => clearInterval(watch)
    })
    return { ...run, interruptedAt }
  }

  beforeAll(() => {
    // Incompressible files, enough that packing or unpacking them takes a while to interrupt.
    fs.mkdirSync(bigMedia, { recursive: true })
    for (let index = 0; index < 24; index += 1)
      fs.writeFileSync(path.join(bigMedia, `noise-${index}.bin`), crypto.randomBytes(4 * 1024 * 1024))
  })

  it(
    'stops a backup on Ctrl-C with exit 130, leaving neither an archive nor its work folder',
    { timeout: 120_000 },
    async () => {
      const folder = path.join(workDir, 'interrupted-backup')
      const archive = path.join(folder, 'stopped.tar.gz')
      const run = await interruptOnceWorking(
        'seed/cli/backup.ts',
        ['--out', archive],
        bigEnv,
        folder,
        /^\.stopped\.tar\.gz\.partial-\d+-/,
      )
      expect(run.interruptedAt, run.stderr).not.toBe('')
      expect(run.status, run.stderr).toBe(130)
      expect(run.stderr).toContain('SIGINT: the backup stops after its current step, leaving no partial files')
      expect(run.stderr).toContain('backup stopped by SIGINT: nothing was written.')
      expect(fs.readdirSync(folder)).toEqual([])
    },
  )

  it(
    'stops a restore on Ctrl-C before it replaces anything, and removes what it unpacked',
    { timeout: 180_000 },
    async () => {
      const archive = path.join(workDir, 'big.tar.gz')
      const made = await backup(['--out', archive], bigEnv)
      expect(made.status, made.stderr).toBe(0)
      const target = path.join(workDir, 'interrupted-restore')
      fs.mkdirSync(target)
      const run = await interruptOnceWorking(
        'seed/cli/restore.ts',
        [archive, '--to', path.join(target, 'cloudlex.db'), '--media', path.join(target, 'media')],
        {},
        target,
        /^\.cloudlex\.db\.restore-\d+-/,
      )
      expect(run.interruptedAt, run.stderr).not.toBe('')
      expect(run.status, run.stderr).toBe(130)
      expect(run.stderr).toContain('restore stopped by SIGINT: nothing was written or replaced.')
      expect(fs.readdirSync(target)).toEqual([])
    },
  )

  it(
    'removes the work folders a killed backup left for the same archive, and only those',
    { timeout: 120_000 },
    async () => {
      const folder = path.join(workDir, 'after-a-kill')
      fs.mkdirSync(folder)
      const gonePid = spawnSync('true').pid
      const abandoned = path.join(folder, `.nightly.tar.gz.partial-${gonePid}-Ab12Cd`)
      const running = path.join(folder, `.nightly.tar.gz.partial-${process.pid}-Ef34Gh`)
      const otherArchive = path.join(folder, `.weekly.tar.gz.partial-${gonePid}-Ij56Kl`)
      for (const leftover of [abandoned, running, otherArchive]) {
        fs.mkdirSync(leftover)
        fs.writeFileSync(path.join(leftover, 'database.sqlite'), 'half a copy')
      }
      const run = await backup(['--out', path.join(folder, 'nightly.tar.gz')])
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain(`removed a folder left by an interrupted backup: ${abandoned}`)
      expect(fs.readdirSync(folder).sort()).toEqual(
        [path.basename(running), path.basename(otherArchive), 'nightly.tar.gz'].sort(),
      )
    },
  )
})

// Fails when a generated file no longer matches the config: Payload types, the admin import map, the
// GraphQL schema, or the SQLite migrations (a schema change without a migration). Files are put back
// as they were; `npm run generate` writes the fresh ones.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const GENERATED_FILES = ['src/payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'src/generated-schema.graphql']
const MIGRATIONS_DIR = path.join(root, 'src/migrations')

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-generated-'))
const env = {
  ...process.env,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'generated-files-check-only-0000000000',
  DATABASE_URI: `file:${path.join(scratch, 'check.db')}`,
  CLOUDLEX_SEED: 'off',
  NODE_OPTIONS: '--no-deprecation --conditions=production',
  NEXT_TELEMETRY_DISABLED: '1',
}

function run(bin: string, args: string[]): void {
  execFileSync(path.join(root, 'node_modules/.bin', bin), args, {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null)
const before = new Map(GENERATED_FILES.map((file) => [file, read(path.join(root, file))]))
const migrationsBefore = new Set(fs.readdirSync(MIGRATIONS_DIR))
const migrationIndexBefore = read(path.join(MIGRATIONS_DIR, 'index.ts'))

const stale: string[] = []
try {
  run('payload', ['generate:types'])
  run('payload', ['generate:importmap'])
  run('payload-graphql', ['generate:schema'])
  run('payload', ['migrate:create', 'schema_check', '--skip-empty'])

  for (const [file, content] of before) {
    const absolute = path.join(root, file)
    if (read(absolute) !== content) stale.push(file)
    if (content === null) fs.rmSync(absolute, { force: true })
    else fs.writeFileSync(absolute, content)
  }
  const added = fs.readdirSync(MIGRATIONS_DIR).filter((name) => !migrationsBefore.has(name))
  if (added.length > 0) {
    stale.push('src/migrations (the schema changed: run `npm run payload -- migrate:create <name>`)')
    for (const name of added) fs.rmSync(path.join(MIGRATIONS_DIR, name))
    if (migrationIndexBefore !== null) fs.writeFileSync(path.join(MIGRATIONS_DIR, 'index.ts'), migrationIndexBefore)
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true })
}

if (stale.length > 0) {
  console.error(`Generated files are out of date:\n${stale.map((file) => `  - ${file}`).join('\n')}`)
  console.error('Run `npm run generate` (and create a migration for schema changes), then commit the result.')
  process.exit(1)
}
console.error('Generated files are up to date.')

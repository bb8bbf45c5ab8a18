// The import CLI as an editor runs it, in a process of its own on a production-mode SQLite file, and a
// look at what that file holds afterwards (read with SQL, so the check needs no Payload of its own).
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { IMPORT_NODE_ARGS } from '../../seed/cli/import-node-args'

import { REPOSITORY_ROOT } from './app-instance'

export type CliRun = { child: ChildProcess; stderr: () => string; exit: Promise<number | null> }

/** Runs `seed/cli/import.ts` as `npm run import` does: one Node process, which gets the signals itself. */
export function spawnImportCli(args: string[], databaseFile: string): CliRun {
  const child = spawn(
    process.execPath,
    [...IMPORT_NODE_ARGS, '--import', 'tsx', path.join(REPOSITORY_ROOT, 'seed/cli/import.ts'), ...args],
    {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: `file:${databaseFile}`,
        PAYLOAD_SECRET: 'cli-test-secret-not-for-real-use-000000000',
        NODE_OPTIONS: '--no-deprecation --conditions=production',
      },
    },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stderr: () => stderr, exit }
}

/** Resolves once the CLI's stderr matches `pattern` (or rejects if it exits first). */
export function waitForOutput(run: CliRun, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(run.stderr())) return
      run.child.stderr!.off('data', check)
      resolve()
    }
    run.child.stderr!.on('data', check)
    void run.exit.then((code) =>
      reject(new Error(`the CLI exited (${code}) before printing ${pattern}:\n${run.stderr()}`)),
    )
  })
}

export type StoredTermParts = { slug: string; useCases: number; faqs: number; providers: number; waitingNames: number }

/** Every term's slug with how many use cases, FAQs, provider rows and waiting related names it has. */
export async function storedTermParts(databaseFile: string): Promise<StoredTermParts[]> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const { rows } = await client.execute(`
      SELECT t.slug,
        (SELECT count(*) FROM terms_rels r WHERE r.parent_id = t.id AND r.path = 'useCases') AS useCases,
        (SELECT count(*) FROM terms_rels r WHERE r.parent_id = t.id AND r.path = 'faqs') AS faqs,
        (SELECT count(*) FROM terms_provider_equivalents p WHERE p._parent_id = t.id) AS providers,
        (SELECT count(*) FROM terms_texts x WHERE x.parent_id = t.id AND x.path = 'pendingRelatedTerms') AS waitingNames
      FROM terms t ORDER BY t.slug`)
    return rows.map((row) => ({
      slug: String(row.slug),
      useCases: Number(row.useCases),
      faqs: Number(row.faqs),
      providers: Number(row.providers),
      waitingNames: Number(row.waitingNames),
    }))
  } finally {
    client.close()
  }
}

/** How many use cases and FAQs exist at all, linked to a term or not. */
export async function storedChildCounts(databaseFile: string): Promise<{ useCases: number; faqs: number }> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const { rows } = await client.execute(
      'SELECT (SELECT count(*) FROM use_cases) AS useCases, (SELECT count(*) FROM faqs) AS faqs',
    )
    return { useCases: Number(rows[0]!.useCases), faqs: Number(rows[0]!.faqs) }
  } finally {
    client.close()
  }
}

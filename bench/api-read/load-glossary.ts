// Fills a bench database with generated terms through the real import pipeline (published, as the
// import CLI writes them). Batches run in child processes of their own (load-batch-child.ts): today's
// import holds on to memory per term, and a fresh process per batch keeps the bench's memory bounded.
import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'

import { importTermDocuments } from '@/content-transfer/import-terms'
import { seedProviders } from '@/first-start/seed-providers'

import { generatedEntry } from '../generated-glossary'

/** Terms per child process. */
const BATCH_SIZE = 500

export async function countPublishedTerms(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'terms', where: { _status: { equals: 'published' } } })
  return totalDocs
}

/** Imports generated entries [from, to) of a glossary of `terms`; throws naming the first failure. */
export async function importGeneratedBatch(payload: Payload, from: number, to: number, terms: number): Promise<void> {
  if (from === 0) await seedProviders(payload, path.resolve(import.meta.dirname, '../../seed'))
  const documents = Array.from({ length: to - from }, (_, offset) => generatedEntry(from + offset, terms))
  const report = await importTermDocuments(payload, documents, { status: 'published' })
  const [failure] = report.failed
  if (failure)
    throw new Error(`importing ${failure.slug} failed: ${failure.message} (${report.failed.length} failures)`)
}

function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = path.join(import.meta.dirname, 'load-batch-child.ts')
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', child, ...args], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    process_.on('error', reject)
    process_.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`loading terms ${args.join(' ')} stopped: ${signal ?? `exit code ${code}`}`)),
    )
  })
}

/** Imports the entries from `loaded` up to `terms`, batch by batch, each in a child process. */
export async function loadGeneratedGlossary(
  loaded: number,
  terms: number,
  env: NodeJS.ProcessEnv,
  progress: (text: string) => void,
): Promise<void> {
  const started = performance.now()
  for (let from = loaded; from < terms; from += BATCH_SIZE) {
    const to = Math.min(terms, from + BATCH_SIZE)
    await runChild([String(from), String(to), String(terms)], env)
    const seconds = (performance.now() - started) / 1000
    progress(`loaded ${to}/${terms} terms (${((to - loaded) / seconds).toFixed(1)} terms/s)`)
  }
}

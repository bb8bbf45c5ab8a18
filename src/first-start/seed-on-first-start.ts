// First start against an empty database: load seed/ as published content, create the operator's admin
// from CLOUDLEX_ADMIN_EMAIL / CLOUDLEX_ADMIN_PASSWORD when set, and otherwise, in development only, a
// demo admin. Production never gets default credentials.
import crypto from 'node:crypto'
import path from 'node:path'

import type { Payload } from 'payload'

import { createAdminAccount } from '@/collections/Users/admin-account'
import { readOperatorAdmin } from '@/collections/Users/operator-admin-settings'
import { formatProblem, readTermFiles } from '@/content-format/read-term-files'
import { countChanges, importTermDocuments } from '@/content-transfer/import-terms'

import { seedProviders } from './seed-providers'

export function seedDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CLOUDLEX_SEED_DIR ?? path.join(process.cwd(), 'seed'))
}

export async function seedContent(payload: Payload, seedDir: string): Promise<void> {
  await seedProviders(payload, seedDir)
  const files = await readTermFiles([path.join(seedDir, 'terms')])
  for (const { file, result } of files) {
    if (!result.ok) for (const problem of result.problems) payload.logger.error(formatProblem(file, problem))
  }
  const documents = files.flatMap(({ result }) => (result.ok ? [result.document] : []))
  // Fifty terms: Payload's own create, one by one, inside the server (the bulk path is the import CLI's).
  const report = await importTermDocuments(payload, documents, { status: 'published', bulkInsert: null })
  for (const failure of report.failed) payload.logger.error(`seed: ${failure.slug}: ${failure.message}`)
  payload.logger.info(`seed: loaded ${countChanges(report)} terms from ${seedDir}`)
}

async function createDemoAdmin(payload: Payload, env: NodeJS.ProcessEnv): Promise<void> {
  const email = env.CLOUDLEX_DEMO_ADMIN_EMAIL?.trim() || 'admin@cloudlex.local'
  const fromEnv = env.CLOUDLEX_DEMO_ADMIN_PASSWORD?.trim()
  const password = fromEnv || crypto.randomBytes(12).toString('base64url')
  await payload.create({ collection: 'users', data: { email, password, name: 'Demo admin', role: 'admin' } })
  const shown = fromEnv ? '(from CLOUDLEX_DEMO_ADMIN_PASSWORD)' : password
  payload.logger.info(`Demo admin created for development: ${email} / ${shown} — this is printed once.`)
}

/** The first account, when there is none yet. Independent of CLOUDLEX_SEED: it is not demo content. */
async function createFirstAdmin(payload: Payload, env: NodeJS.ProcessEnv): Promise<void> {
  const operatorAdmin = readOperatorAdmin(env)
  const { totalDocs: userCount } = await payload.count({ collection: 'users' })
  if (userCount > 0) return
  if (operatorAdmin) {
    await createAdminAccount(payload, operatorAdmin)
    payload.logger.info(`Admin account created from CLOUDLEX_ADMIN_EMAIL: ${operatorAdmin.email}`)
  } else if (env.NODE_ENV === 'development' && env.CLOUDLEX_SEED !== 'off') {
    await createDemoAdmin(payload, env)
  }
}

export async function seedOnFirstStart(payload: Payload): Promise<void> {
  const env = process.env
  await createFirstAdmin(payload, env)
  if (env.CLOUDLEX_SEED === 'off') return

  const { totalDocs: termCount } = await payload.count({ collection: 'terms' })
  if (termCount === 0) await seedContent(payload, seedDirectory(env))
}

// The run behind bench/api-read-latency.ts: prepare the database, time each read, print the table.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { formatPlans, formatRuns, type QueryResult } from './format-results'
import { countPublishedTerms, loadGeneratedGlossary } from './load-glossary'
import { runCallers } from './measure-latency'
import type { ApiReadOptions } from './options'
import { captureStatements, planStatements } from './query-plans'
import { readQueries, type ReadQuery } from './read-queries'

const WARM_UP_CALLS = 5

const write = (text: string) => process.stdout.write(`${text}\n`)

function benchEnvironment(databaseFile: string, scratch: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Production: migrations build the schema, as on a real server.
    NODE_ENV: 'production',
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-api-read-latency-secret-0000000000',
    CLOUDLEX_SEED: 'off',
    CLOUDLEX_JOBS: 'off',
    // Payload logs errors only, on stderr.
    CLOUDLEX_CLI: '1',
    CLOUDLEX_MEDIA_DIR: path.join(scratch, 'media'),
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

async function openPayload() {
  // Imported only now: payload.config.ts reads the environment set up above when it loads.
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  return getPayload({ config })
}

type SqlClient = Parameters<typeof captureStatements>[0]

async function measureQuery(query: ReadQuery, options: ApiReadOptions, client: SqlClient): Promise<QueryResult> {
  for (let n = 0; n < WARM_UP_CALLS; n += 1) {
    const outcome = await query.call(n)
    if (!outcome.ok) throw new Error(`${query.label}: ${outcome.detail}`)
  }
  const bounds = { requests: options.requests, seconds: options.seconds }
  const sequential = await runCallers(1, query.call, bounds)
  const concurrent = await runCallers(options.concurrency, query.call, bounds)
  let bytesPerResponse = 0
  const statements = await captureStatements(client, async () => {
    bytesPerResponse = (await query.call(0)).bytes ?? 0
  })
  const plans = options.explain ? await planStatements(client, statements) : undefined
  return {
    key: query.key,
    label: query.label,
    statementsPerRequest: statements.length,
    bytesPerResponse,
    sequential,
    concurrent,
    plans,
  }
}

export async function runApiReadBench(options: ApiReadOptions): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-api-read-'))
  const databaseFile = path.resolve(options.database ?? path.join(scratch, 'bench.db'))
  Object.assign(process.env, benchEnvironment(databaseFile, scratch))
  try {
    const payload = await openPayload()
    const loaded = await countPublishedTerms(payload)
    if (loaded > options.terms) {
      throw new Error(
        `${databaseFile} holds ${loaded} published terms, more than --terms ${options.terms}; use another --db`,
      )
    }
    if (loaded < options.terms) await loadGeneratedGlossary(loaded, options.terms, process.env, write)

    const client = (payload.db as unknown as { client: SqlClient }).client
    const results: QueryResult[] = []
    for (const query of await readQueries(options.terms, options.queries))
      results.push(await measureQuery(query, options, client))

    write(
      `\nAnonymous API reads at ${options.terms} terms (${os.cpus().length} cores, loadavg ${os.loadavg()[0]!.toFixed(1)})`,
    )
    write(formatRuns(results))
    if (options.explain) write(formatPlans(results))
    if (options.json) fs.writeFileSync(options.json, `${JSON.stringify({ terms: options.terms, results }, null, 2)}\n`)
    await payload.destroy()
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

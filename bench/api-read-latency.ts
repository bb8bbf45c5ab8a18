// Latency of the anonymous REST and GraphQL read path at a given glossary size, with no build and no
// server: a SQLite database of generated terms (loaded once through the import pipeline, reusable with
// --db), then the real route handlers called in this process, one caller at a time and 20 at once.
//   npx tsx bench/api-read-latency.ts --terms 1000 [--db /tmp/api-1k.db] [--explain]
// Profile with: node --cpu-prof --import tsx bench/api-read-latency.ts --terms 1000 --db /tmp/api-1k.db
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { API_READ_USAGE, parseApiReadArgs, type ApiReadOptions } from './api-read/options'

/** Lexical's Node entry can hang without the "production" export condition (see vitest.config.ts). */
function rerunWithProductionCondition(): never {
  const script = fileURLToPath(import.meta.url)
  const args = [...process.execArgv, '--conditions=production', script, ...process.argv.slice(2)]
  const { status, signal } = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (signal) process.stderr.write(`bench/api-read-latency.ts stopped by ${signal}\n`)
  process.exit(status ?? 1)
}

const nodeOptions = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
if (!nodeOptions.includes('--conditions=production')) rerunWithProductionCondition()

let options: ApiReadOptions
try {
  options = parseApiReadArgs(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${API_READ_USAGE}\n`)
  process.exit(2)
}
// Loaded only now: what it imports (Lexical among it) needs the condition above.
const { runApiReadBench } = await import('./api-read/run-api-read-bench')
await runApiReadBench(options)
process.exit(0)

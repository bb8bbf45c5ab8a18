// How far V8 lets the server's heap grow past what a full collection left alive before it collects again.
//
// V8 picks that factor itself, up to 4× on a machine with this much memory. The server keeps about 200 MB
// alive at 10,000 terms (the term directory and search index, Payload, Next), and under load each render
// leaves garbage behind, so the heap reached 670 MB and the process 1 GB before a full collection came.
// At 1.5× the same load peaked at 540 MB with the same throughput (README, "Memory"). A factor rather
// than a fixed heap limit: it follows the glossary's size, so a larger glossary is never cut short.
import v8 from 'node:v8'

import type { Environment } from '../config/environment'

export const HEAP_GROWTH_SETTING = 'CLOUDLEX_HEAP_GROWTH_PERCENT'
export const DEFAULT_HEAP_GROWTH_PERCENT = 50
const V8_FLAG = '--heap-growing-percent'
const MAX_PERCENT = 400

/** The growth allowed, in percent of the live heap; null leaves V8 to choose (the setting is 0). */
export function readHeapGrowthPercent(env: Environment): number | null {
  const text = env[HEAP_GROWTH_SETTING]?.trim()
  if (text === undefined || text === '') return DEFAULT_HEAP_GROWTH_PERCENT
  const percent = Number(text)
  if (!/^\d+$/.test(text) || percent > MAX_PERCENT) {
    throw new Error(
      `${HEAP_GROWTH_SETTING} must be a whole number of percent from 0 to ${MAX_PERCENT} (0: V8 chooses), not "${text}".`,
    )
  }
  return percent === 0 ? null : percent
}

/** The V8 flag to set, unless the operator already set it on Node's command line. */
export function heapGrowthFlag(env: Environment, execArgv: readonly string[]): string | null {
  const percent = readHeapGrowthPercent(env)
  if (percent === null || execArgv.some((arg) => arg.startsWith(V8_FLAG))) return null
  return `${V8_FLAG}=${percent}`
}

/** Applies the setting to this process; V8 reads the flag each time it sets the next collection's limit. */
export function applyHeapGrowth(
  env: Environment = process.env,
  execArgv: readonly string[] = process.execArgv,
): string | null {
  const flag = heapGrowthFlag(env, execArgv)
  if (flag) v8.setFlagsFromString(flag)
  return flag
}

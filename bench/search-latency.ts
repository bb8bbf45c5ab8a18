// How fast search, did-you-mean, 404 suggestions, auto-linking and a per-change update are over a
// directory of generated terms built in memory (no database, no server): p50/p95 per operation at each
// size, how long the first build took and how much memory the directory holds.
//
//   npx tsx --expose-gc bench/search-latency.ts [--terms 10000,100000] [--queries 400]
import { parseArgs } from 'node:util'

import { generatedEntry } from './generated-glossary'
import { findClosestTerms, suggestTermsForPath } from '@/search/closest-terms'
import { searchTerms } from '@/search/search-terms'
import type { TermTexts } from '@/search/term-search-index'
import { termMetaDescription } from '@/site-data/term-summary'
import { DirectoryContents } from '@/site-data/directory-contents'
import type { DirectoryTerm, DirectoryText } from '@/site-data/directory-term'

const { values } = parseArgs({
  options: { terms: { type: 'string', default: '10000,100000' }, queries: { type: 'string', default: '400' } },
})
const SIZES = values.terms.split(',').map(Number)
const QUERIES = Number(values.queries)

function directoryTermFor(index: number, count: number): DirectoryTerm {
  const entry = generatedEntry(index, count)
  return {
    id: String(index + 1),
    title: entry.title,
    slug: entry.slug,
    summary: termMetaDescription(entry),
    aliases: [],
    category: { id: entry.category, name: entry.category, slug: entry.category },
    providerEquivalents: entry.providerEquivalents.map((row) => ({
      provider: { id: row.provider, name: row.provider },
      service: row.service,
    })),
    ...textFor(index, count),
    faqIds: entry.faqs.map((_, n) => `${index + 1}-${n}`),
  }
}

function textFor(index: number, count: number): DirectoryText {
  const entry = generatedEntry(index, count)
  return {
    definition: entry.definition,
    faqs: entry.faqs.map((faq, n) => ({ id: `${index + 1}-${n}`, question: faq.question, answerText: faq.answer })),
  }
}

/** The hits' text made again from the generator, as the site reads it again from the database. */
function generatedTexts(count: number): TermTexts {
  return {
    keep: () => {},
    forget: () => {},
    read: async (ids, withFaqs) =>
      new Map(
        ids.map((id) => [
          id,
          withFaqs.has(id) ? textFor(Number(id) - 1, count) : { ...textFor(Number(id) - 1, count), faqs: [] },
        ]),
      ),
  }
}

/** A small deterministic PRNG (mulberry32), so every run asks the same questions. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const swapLetters = (word: string, at: number) =>
  word.length < 4 ? word : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)

/** What readers type: whole titles, single words, prefixes, typos, service names, common words, nonsense. */
function queryMix(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const title = () => generatedEntry(Math.floor(random() * count), count).title
  const shapes = [
    () => title(),
    () => title(),
    () => title().split(' ')[0]!,
    () => title().split(' ').slice(0, 2).join(' '),
    () => title().split(' ')[0]!.slice(0, 4).toLowerCase(),
    () =>
      title()
        .split(' ')
        .map((word, n) => (n === 0 ? swapLetters(word, 1) : word))
        .join(' '),
    () => `${pick(['AWS', 'Azure', 'GCP', 'OCI'])} ${title()}`,
    () => pick(['traffic', 'replicas policies', 'tenants', 'latency keys']),
    () => pick(['xqztv', 'kubernets', 'cloudtrial']),
  ]
  return Array.from({ length: QUERIES }, () => pick(shapes)())
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p95: at(0.95) }
}

async function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): Promise<{ p50: number; p95: number }> {
  for (const input of inputs.slice(0, 20)) await run(input) // warm-up
  const samples: number[] = []
  for (const input of inputs) {
    const start = performance.now()
    await run(input)
    samples.push(performance.now() - start)
  }
  return percentiles(samples)
}

const print = (line = '') => process.stdout.write(`${line}\n`)
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const collect = () => (globalThis as { gc?: () => void }).gc?.()

async function measure(count: number) {
  collect()
  const heapBefore = process.memoryUsage().heapUsed
  let terms: DirectoryTerm[] | null = Array.from({ length: count }, (_, index) => directoryTermFor(index, count))
  const buildStart = performance.now()
  const contents = new DirectoryContents(generatedTexts(count))
  for (const term of terms) contents.set(term)
  const buildMs = performance.now() - buildStart
  terms = null
  collect()
  const directoryBytes = process.memoryUsage().heapUsed - heapBefore

  const random = randomSource(count)
  const queries = queryMix(count, random)
  const pages = Array.from({ length: Math.min(QUERIES, count) }, () => {
    const index = Math.floor(random() * count)
    return { entry: contents.get(String(index + 1))!, text: textFor(index, count) }
  })
  const rows = {
    'search page (hits, or did-you-mean)': await timeEach(queries, async (query) => {
      if ((await searchTerms(contents.search, query)).length === 0) findClosestTerms(contents.search, query)
    }),
    'suggest (8 hits)': await timeEach(queries, (query) =>
      searchTerms(contents.search, query, { limit: 8, snippetLength: 90 }),
    ),
    '404 suggestions': await timeEach(queries, (query) =>
      suggestTermsForPath(contents.search, `/terms/${query.replace(/ /g, '-')}`),
    ),
    'auto-link one term page': await timeEach(pages, ({ entry, text }) => {
      const linker = contents.names.linker(entry.slug)
      for (const part of [text.definition, ...text.faqs.flatMap((faq) => [faq.question, faq.answerText])])
        linker.link(part)
    }),
    'apply one edited term': await timeEach(pages, ({ entry, text }) =>
      contents.set({ ...entry, ...text, title: `${entry.title} v2`, definition: `${text.definition} Revised.` }),
    ),
  }
  return { count, buildMs, directoryBytes, rss: process.memoryUsage().rss, rows }
}

const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function'
print(
  `search latency over generated terms, in memory; node ${process.version}; load average ${(await import('node:os'))
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
)
if (!hasGc) print('(run with --expose-gc for the memory figures to mean something)')
for (const size of SIZES) {
  const result = await measure(size)
  print(
    `\n${size.toLocaleString('en')} terms: directory built in ${(result.buildMs / 1000).toFixed(1)} s, holds ${megabytes(result.directoryBytes)} of heap (terms and indexes), process RSS ${megabytes(result.rss)}`,
  )
  print(`${'operation'.padEnd(38)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`)
  for (const [name, { p50, p95 }] of Object.entries(result.rows))
    print(`${name.padEnd(38)} ${p50.toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)}`)
}

// Realistic glossary entries in the seed format, as many as a scale test or the bench asks for: each has
// a definition with an analogy, two use cases, three FAQs, all four providers, a category, a difficulty
// and three related terms that name other generated entries (some earlier in the batch, some later, so
// an import resolves names that arrive after the entry naming them). The same seed gives the same
// entries, so runs compare.
import fs from 'node:fs/promises'
import path from 'node:path'

import { serializeTermDocument, slugify, type Difficulty, type TermDocument } from '@/content-format'

export const GENERATED_CATEGORIES = [
  'compute',
  'containers',
  'databases',
  'identity',
  'integration',
  'networking',
  'observability',
  'operations',
  'security',
  'storage',
] as const

const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'intermediate', 'advanced']
const PROVIDERS = ['AWS', 'Azure', 'GCP', 'OCI'] as const
const ORGANIZATIONS = ['Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Wide World Importers', 'Adatum']
const QUALIFIERS = ['Managed', 'Regional', 'Serverless', 'Elastic', 'Private', 'Global', 'Dedicated', 'Streaming']
const NOUNS = ['Gateway', 'Registry', 'Queue', 'Ledger', 'Cache', 'Vault', 'Mesh', 'Catalog', 'Broker', 'Index']

/** A small deterministic PRNG (mulberry32): no dependency, same sequence for the same seed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const LETTER_WORDS = [
  'Atlas',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pulsar',
  'Quartz',
  'Raven',
  'Summit',
  'Tundra',
  'Umbra',
  'Vertex',
  'Willow',
  'Xenon',
  'Yonder',
  'Zephyr',
]

/** Unique, readable titles ("Cobalt Managed Gateway 3") spread over every letter of the alphabet. */
export function generatedTitle(index: number): string {
  const word = LETTER_WORDS[index % LETTER_WORDS.length]
  const qualifier = QUALIFIERS[Math.floor(index / 26) % QUALIFIERS.length]
  const noun = NOUNS[Math.floor(index / (26 * QUALIFIERS.length)) % NOUNS.length]
  return `${word} ${qualifier} ${noun} ${index + 1}`
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!
}

function sentence(title: string, random: () => number, words: number): string {
  const vocabulary = [
    'traffic',
    'tenants',
    'workloads',
    'replicas',
    'policies',
    'events',
    'regions',
    'latency',
    'keys',
    'quotas',
  ]
  const phrase = Array.from({ length: words }, () => pick(vocabulary, random)).join(' ')
  return `${title} coordinates ${phrase} for teams running production systems`
}

export function generatedEntry(index: number, count: number, seed = 1): TermDocument {
  const random = randomSource(seed * 1_000_003 + index)
  const title = generatedTitle(index)
  // Two related names come later in the batch (resolved by a later import batch), one earlier.
  const relatedIndexes = [(index + 1) % count, (index + 7) % count, (index + count - 3) % count]
  const related = [...new Set(relatedIndexes.filter((other) => other !== index))].map(generatedTitle)
  return {
    title,
    slug: slugify(title),
    definition: `${sentence(title, random, 12)}.`,
    analogy: `Like a well-run post office that sorts every parcel by postcode.`,
    useCases: [0, 1].map((n) => ({
      organization: ORGANIZATIONS[(index + n) % ORGANIZATIONS.length]!,
      scenario: `${sentence(title, random, 10)} at peak load`,
      solution: `Adopted ${title} with automation around ${sentence('it', random, 6)}`,
      outcome: `Cut incident time by ${10 + Math.floor(random() * 60)} percent.`,
    })),
    providerEquivalents: PROVIDERS.map((provider) => ({ provider, service: `${provider} ${title}` })),
    faqs: [0, 1, 2].map((n) => ({
      question: `Question ${n + 1} about ${title}?`,
      answer: `${sentence(title, random, 14)}. Check the limits before relying on it.`,
    })),
    category: GENERATED_CATEGORIES[index % GENERATED_CATEGORIES.length]!,
    difficulty: DIFFICULTIES[index % DIFFICULTIES.length]!,
    relatedTerms: related,
    seeAlso: related.slice(0, 1),
  }
}

/** Writes `count` entries as seed-format files (one per term) into `directory`; returns the file paths. */
export async function writeGeneratedGlossary(directory: string, count: number, seed = 1): Promise<string[]> {
  await fs.mkdir(directory, { recursive: true })
  const files: string[] = []
  for (let index = 0; index < count; index += 1) {
    const entry = generatedEntry(index, count, seed)
    const file = path.join(directory, `${entry.slug}.txt`)
    await fs.writeFile(file, serializeTermDocument(entry))
    files.push(file)
  }
  return files
}

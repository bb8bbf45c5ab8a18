// What a glossary holds, read through Payload, in a form two databases can be compared by: each term
// (latest draft or published version) with its use cases, FAQs, how many versions and content-changes rows
// it has, and the ids of every use case, FAQ and media document.
import type { Payload } from 'payload'

export type TermState = {
  title: string
  definition: string
  status: string
  useCases: string[]
  faqs: string[]
  versions: number
  contentChanges: number
}

export type GlossaryState = {
  terms: Record<string, TermState>
  useCases: string[]
  faqs: string[]
  /** By file name: the media document's alternative text and file size. */
  media: Record<string, { alt: string; filesize: number }>
}

const idsOf = (values: unknown): string[] =>
  (Array.isArray(values) ? values : [])
    .map((value) => String(typeof value === 'object' && value ? (value as { id: unknown }).id : value))
    .sort()

/** One term's state by its id, as its slug and state. */
export async function termState(payload: Payload, id: string | number): Promise<[string, TermState]> {
  const term = await payload.findByID({ collection: 'terms', id, draft: true, depth: 0 })
  const versions = await payload.countVersions({ collection: 'terms', where: { parent: { equals: id } } })
  const changes = await payload.count({ collection: 'content-changes', where: { documentId: { equals: String(id) } } })
  return [
    term.slug,
    {
      title: term.title,
      definition: term.definition,
      status: term._status ?? 'draft',
      useCases: idsOf(term.useCases),
      faqs: idsOf(term.faqs),
      versions: versions.totalDocs,
      contentChanges: changes.totalDocs,
    },
  ]
}

async function allIds(payload: Payload, collection: 'use-cases' | 'faqs'): Promise<string[]> {
  const found = await payload.find({ collection, limit: 0, pagination: false, depth: 0, draft: true })
  return idsOf(found.docs)
}

export async function glossaryState(payload: Payload): Promise<GlossaryState> {
  const terms = await payload.find({ collection: 'terms', limit: 0, pagination: false, depth: 0 })
  const media = await payload.find({ collection: 'media', limit: 0, pagination: false, depth: 0 })
  const termStates: Record<string, TermState> = {}
  for (const { id } of terms.docs) {
    const [slug, state] = await termState(payload, id)
    termStates[slug] = state
  }
  return {
    terms: termStates,
    useCases: await allIds(payload, 'use-cases'),
    faqs: await allIds(payload, 'faqs'),
    media: Object.fromEntries(media.docs.map((doc) => [doc.filename!, { alt: doc.alt, filesize: doc.filesize ?? 0 }])),
  }
}

/** The same JSON for equal states, whatever order their keys were added in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Names every difference between two states: a term, use case, FAQ or media file on one side only or unequal. */
export function stateDifferences(expected: GlossaryState, actual: GlossaryState): string[] {
  const differences: string[] = []
  const compare = (label: string, left: Record<string, unknown>, right: Record<string, unknown>) => {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (canonicalJson(left[key]) !== canonicalJson(right[key])) {
        differences.push(`${label} ${key}: expected ${canonicalJson(left[key])}, got ${canonicalJson(right[key])}`)
      }
    }
  }
  const asKeys = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, true]))
  compare('term', expected.terms, actual.terms)
  compare('use case', asKeys(expected.useCases), asKeys(actual.useCases))
  compare('FAQ', asKeys(expected.faqs), asKeys(actual.faqs))
  compare('media', expected.media, actual.media)
  return differences
}

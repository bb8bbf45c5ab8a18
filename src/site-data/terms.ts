// Reads of single terms for the public site. The published term is read as the anonymous public would
// (access control on, published versions only) with what its page shows and nothing more; the page is
// then kept in Next's rendering cache under the tags this read reports, so it is re-rendered when the
// term, a child, a related term, its category or a provider changes, and not when anything else does.
// Staff in draft preview get the latest saved version, read with their own rights and never cached.
import { cache } from 'react'
import type { Payload, TypedUser } from 'payload'

import { getPayloadClient } from '@/site-data/payload-client'
import { relationId } from '@/fields/relations'
import { toTermView, type TermView } from '@/site-data/term-view'
import type { Term } from '@/payload-types'
import { categoryTag, faqTag, providerTag, termIdTag, termSlugTag, useCaseTag } from '@/site-cache/cache-tags'

export type PublishedTerm = {
  view: TermView
  /** The cache tags of everything the term's page shows. */
  tags: string[]
}

/** The fields populated relationships contribute to a term page. */
const POPULATE = {
  terms: { title: true, slug: true },
  categories: { name: true, slug: true },
  providers: { name: true, slug: true, fullName: true, brandColor: true },
  'use-cases': { organization: true, scenario: true, solution: true, outcome: true },
  faqs: { question: true, answer: true },
} as const

type Related = string | number | { id: string | number } | null | undefined
const ids = (values: readonly Related[] | null | undefined) =>
  (values ?? []).flatMap((value) => relationId(value) ?? [])

/** Every document the term's page shows, as cache tags; drafts among them too, so their publishing shows. */
export function termPageTags(term: Term): string[] {
  const category = relationId(term.category)
  return [
    termSlugTag(term.slug),
    termIdTag(term.id),
    ...ids(term.relatedTerms).map(termIdTag),
    ...ids((term.seeAlso ?? []).map((row) => row.term)).map(termIdTag),
    ...ids(term.useCases).map(useCaseTag),
    ...ids(term.faqs).map(faqTag),
    ...(category ? [categoryTag(category)] : []),
    ...ids((term.providerEquivalents ?? []).map((row) => row.provider)).map(providerTag),
  ]
}

/** What the content API shows of a term: the page's populated fields, and related terms' definitions. */
const API_POPULATE = { ...POPULATE, terms: { title: true, slug: true, definition: true } } as const

/** The published term with this slug, as the anonymous public may read it, relationships one level deep. */
async function findPublishedTerm(
  payload: Payload,
  slug: string,
  populate: typeof POPULATE | typeof API_POPULATE,
): Promise<Term | null> {
  const { docs } = await payload.find({
    collection: 'terms',
    where: { slug: { equals: slug } },
    overrideAccess: false,
    draft: false,
    depth: 1,
    limit: 1,
    pagination: false,
    populate,
  })
  return (docs[0] as Term | undefined) ?? null
}

/** Once per render: the page, its metadata and its image share one read. */
export const getPublishedTerm = cache(async (slug: string): Promise<PublishedTerm | null> => {
  const term = await findPublishedTerm(await getPayloadClient(), slug, POPULATE)
  return term ? { view: toTermView(term), tags: termPageTags(term) } : null
})

/**
 * The published term as the content API gives it (src/api-v1), with the cache tags of everything it
 * shows (for the answer's Cache-Tag header).
 */
export async function getPublishedTermDocument(slug: string): Promise<{ term: Term; tags: string[] } | null> {
  return readPublishedTermDocument(await getPayloadClient(), slug)
}

export async function readPublishedTermDocument(
  payload: Payload,
  slug: string,
): Promise<{ term: Term; tags: string[] } | null> {
  const term = await findPublishedTerm(payload, slug, API_POPULATE)
  return term ? { term, tags: termPageTags(term) } : null
}

/**
 * The latest version of the term with this slug, drafts included, for an API client allowed to preview
 * (src/api-v1/v1-route.ts decides who is); never cached.
 */
export async function readTermDraftDocument(
  payload: Payload,
  slug: string,
): Promise<{ term: Term; tags: string[] } | null> {
  const { docs } = await payload.find({
    collection: 'terms',
    where: { slug: { equals: slug } },
    overrideAccess: true,
    draft: true,
    depth: 1,
    limit: 1,
    pagination: false,
    populate: API_POPULATE,
  })
  const term = docs[0] as Term | undefined
  return term ? { term, tags: termPageTags(term) } : null
}

/** The latest version, drafts included, as the viewer may see it; never cached. */
export async function getTermPreview(slug: string, viewer: TypedUser): Promise<TermView | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'terms',
    overrideAccess: false,
    user: viewer,
    draft: true,
    depth: 1,
    limit: 1,
    pagination: false,
    where: { slug: { equals: slug } },
    populate: POPULATE,
  })
  const term = docs[0] as Term | undefined
  return term ? toTermView(term) : null
}

type RichTextNode = { type?: string; text?: string; children?: RichTextNode[] }

function textNodes(node: RichTextNode | null | undefined, into: string[]): string[] {
  if (!node) return into
  if (node.type === 'text' && typeof node.text === 'string') into.push(node.text)
  for (const child of node.children ?? []) textNodes(child, into)
  return into
}

/** The texts the term page runs through the auto-linker, in the order it renders them. */
export function linkableTexts(term: Pick<TermView, 'definition' | 'body'>): string[] {
  const body = term.body as { root?: RichTextNode } | null
  return [...term.definition.split(/\n{2,}/), ...textNodes(body?.root, [])]
}

// What an import looks names up in: categories and providers (few, loaded whole and created when an entry
// names a new one), and the names of every term (title, aliases, slug; no documents), read page by page.
import type { Payload } from 'payload'

import { slugify } from '@/content-format/slugify'
import type { TermDocument } from '@/content-format/types'

import { TermNameIndex } from './term-links'
import type { OwnedStrings } from './own-copy'

export type Lookups = {
  categoryIdByKey: Map<string, string>
  providerIdByName: Map<string, string>
  terms: TermNameIndex
}

const NAME_PAGE_SIZE = 1000

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())
}

/** Every term's names, latest versions included, a page at a time so no page holds many documents. */
async function loadTermNames(payload: Payload, strings: OwnedStrings): Promise<TermNameIndex> {
  const index = new TermNameIndex(strings)
  for (let page = 1; ; page += 1) {
    const { docs } = await payload.find({
      collection: 'terms',
      draft: true,
      depth: 0,
      pagination: false,
      limit: NAME_PAGE_SIZE,
      page,
      sort: 'createdAt',
      select: { title: true, slug: true, aliases: true },
    })
    for (const term of docs) index.add(term)
    if (docs.length < NAME_PAGE_SIZE) return index
  }
}

export async function loadLookups(payload: Payload, strings: OwnedStrings): Promise<Lookups> {
  const [categories, providers, terms] = await Promise.all([
    payload.find({ collection: 'categories', pagination: false, depth: 0, select: { name: true, slug: true } }),
    payload.find({ collection: 'providers', pagination: false, depth: 0, select: { name: true } }),
    loadTermNames(payload, strings),
  ])
  const categoryIdByKey = new Map<string, string>()
  for (const category of categories.docs) {
    categoryIdByKey.set(category.slug, category.id)
    categoryIdByKey.set(category.name.toLowerCase(), category.id)
  }
  const providerIdByName = new Map(providers.docs.map((provider) => [provider.name.toLowerCase(), provider.id]))
  return { categoryIdByKey, providerIdByName, terms }
}

const categoryKeyOf = (document: TermDocument) => document.category.toLowerCase()

export function categoryIdFor(document: TermDocument, lookups: Lookups): string {
  const key = categoryKeyOf(document)
  const id = lookups.categoryIdByKey.get(key) ?? lookups.categoryIdByKey.get(slugify(key))
  if (!id) throw new Error(`category "${document.category}" was not created`)
  return id
}

export function providerIdFor(provider: string, lookups: Lookups): string {
  const id = lookups.providerIdByName.get(provider.toLowerCase())
  if (!id) throw new Error(`provider "${provider}" was not created`)
  return id
}

/** Creates the categories and providers the documents name that do not exist yet. */
export async function ensureCategoriesAndProviders(
  payload: Payload,
  documents: TermDocument[],
  lookups: Lookups,
): Promise<void> {
  for (const document of documents) {
    const key = categoryKeyOf(document)
    if (!lookups.categoryIdByKey.has(key) && !lookups.categoryIdByKey.has(slugify(key))) {
      const category = await payload.create({
        collection: 'categories',
        data: { name: titleCase(document.category), slug: slugify(document.category) },
        depth: 0,
      })
      lookups.categoryIdByKey.set(key, category.id)
      lookups.categoryIdByKey.set(category.slug, category.id)
    }
    for (const { provider } of document.providerEquivalents) {
      if (lookups.providerIdByName.has(provider.toLowerCase())) continue
      const created = await payload.create({
        collection: 'providers',
        data: { name: provider, slug: slugify(provider), fullName: provider },
        depth: 0,
      })
      lookups.providerIdByName.set(provider.toLowerCase(), created.id)
    }
  }
}

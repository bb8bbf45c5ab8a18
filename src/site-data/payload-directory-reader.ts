// How the term directory reads the database: as the anonymous public (access control on, published
// versions only), with `select`, depth 1 and a narrow `populate`, in pages by id so a read never counts
// or skips through the whole table.
import type { Payload, Where } from 'payload'

import type { Term } from '@/payload-types'
import { readChangesSince } from '@/site-cache/change-log'

import type { DirectoryReader } from './directory-sync'
import { DIRECTORY_TERM_POPULATE, DIRECTORY_TERM_SELECT, toDirectoryTerm } from './directory-term'

const PUBLIC = { overrideAccess: false, draft: false } as const

export function createPayloadDirectoryReader(getPayload: () => Promise<Payload>): DirectoryReader {
  const findTerms = async (where: Where, limit: number) => {
    const payload = await getPayload()
    const { docs } = await payload.find({
      collection: 'terms',
      ...PUBLIC,
      where,
      sort: 'id',
      limit,
      pagination: false,
      depth: 1,
      select: DIRECTORY_TERM_SELECT,
      populate: DIRECTORY_TERM_POPULATE,
    })
    return (docs as unknown as Term[]).map(toDirectoryTerm)
  }

  return {
    readChanges: async (cursor) => readChangesSince(await getPayload(), cursor),

    readTermPage: (after, limit) => findTerms(after === null ? {} : { id: { greater_than: after } }, limit),

    readTerms: (ids) => (ids.length === 0 ? Promise.resolve([]) : findTerms({ id: { in: [...ids] } }, ids.length)),

    findTermIdsShowingFaqs: async (faqIds) => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'terms',
        ...PUBLIC,
        where: { faqs: { in: [...faqIds] } },
        pagination: false,
        depth: 0,
        select: {},
      })
      return docs.map((doc) => String(doc.id))
    },

    readCategories: async (ids) => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'categories',
        ...PUBLIC,
        where: { id: { in: [...ids] } },
        pagination: false,
        depth: 0,
        select: { name: true, slug: true },
      })
      return docs.map((doc) => ({ id: String(doc.id), name: doc.name, slug: doc.slug }))
    },

    readProviders: async (ids) => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'providers',
        ...PUBLIC,
        where: { id: { in: [...ids] } },
        pagination: false,
        depth: 0,
        select: { name: true },
      })
      return docs.map((doc) => ({ id: String(doc.id), name: doc.name }))
    },
  }
}

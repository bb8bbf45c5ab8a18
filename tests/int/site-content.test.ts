// The public site's content snapshot: published content only, and rebuilt on the next read after any
// change readers could see, including a change written by another Payload instance on the same database.
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { SITE_CONTENT_TAGS } from '@/lib/cache-tags'
import { cachedUntilContentChanges, clearSiteCache, readContentRevision } from '@/lib/site-cache'
import { buildSiteContent, type SiteContent } from '@/lib/site-content'
import type { Category, Term } from '@/payload-types'

import { getTestPayload, seedProvidersForTest } from './helpers/payload'

let payload: Payload
let category: Category
let publishedTerm: Term
let draftTerm: Term

const readSnapshot = (instance: Payload = payload): Promise<SiteContent> =>
  cachedUntilContentChanges(instance, 'site-content-test', SITE_CONTENT_TAGS, buildSiteContent)

const titles = (content: SiteContent) => content.terms.map((term) => term.title)

beforeAll(async () => {
  payload = await getTestPayload()
  clearSiteCache()
  await seedProvidersForTest(payload)
  category = await payload.create({ collection: 'categories', data: { name: 'Security', slug: 'security' } })
  const aws = (await payload.find({ collection: 'providers', where: { slug: { equals: 'aws' } } })).docs[0]!
  const draftFaq = await payload.create({
    collection: 'faqs',
    data: { question: 'Unreleased question?', answer: { root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 } }, _status: 'draft' },
    draft: true,
  })
  draftTerm = await payload.create({
    collection: 'terms',
    data: { title: 'Draft Vault', definition: 'Not public yet.', category: category.id, difficulty: 'beginner', _status: 'draft' },
    draft: true,
  })
  publishedTerm = await payload.create({
    collection: 'terms',
    data: {
      title: 'Audit Trail',
      slug: 'audit-trail',
      definition: 'A record of every call. See Draft Vault.',
      category: category.id,
      difficulty: 'beginner',
      relatedTerms: [draftTerm.id],
      faqs: [draftFaq.id],
      providerEquivalents: [{ provider: aws.id, service: 'CloudTrail', matchLevel: 'exact' }],
      _status: 'published',
    },
  })
})

describe('site content snapshot', () => {
  it('holds published terms only, without links to drafts', async () => {
    const content = await readSnapshot()
    expect(titles(content)).toEqual(['Audit Trail'])
    const term = content.termsBySlug.get(publishedTerm.slug)!
    expect(term.relatedTerms).toEqual([])
    expect(term.faqs).toEqual([])
    expect(term.providerEquivalents).toMatchObject([{ provider: { slug: 'aws', brandColor: '#ff9900' }, service: 'CloudTrail' }])
    expect(content.categories).toMatchObject([{ slug: 'security', termCount: 1 }])
    expect(content.providers.find((provider) => provider.slug === 'aws')?.termCount).toBe(1)
  })

  it('serves the same snapshot while nothing readers can see changes', async () => {
    const first = await readSnapshot()
    const revision = await readContentRevision(payload, SITE_CONTENT_TAGS)
    await payload.update({ collection: 'terms', id: draftTerm.id, data: { definition: 'Still a draft.' }, draft: true })
    expect(await readContentRevision(payload, SITE_CONTENT_TAGS)).toBe(revision)
    expect(await readSnapshot()).toBe(first)
  })

  it('rebuilds on the next read after a publish, and shows the new link', async () => {
    const before = await readSnapshot()
    await payload.update({ collection: 'terms', id: draftTerm.id, data: { _status: 'published' } })
    const after = await readSnapshot()
    expect(after).not.toBe(before)
    expect(titles(after)).toEqual(['Audit Trail', 'Draft Vault'])
    expect(after.termsBySlug.get(publishedTerm.slug)!.relatedTerms.map((term) => term.title)).toEqual(['Draft Vault'])
  })

  it('rebuilds after a provider or category it shows changes', async () => {
    const aws = (await payload.find({ collection: 'providers', where: { slug: { equals: 'aws' } } })).docs[0]!
    await payload.update({ collection: 'providers', id: aws.id, data: { fullName: 'Amazon Web Services (AWS)' } })
    expect((await readSnapshot()).providers.find((provider) => provider.slug === 'aws')?.fullName).toBe('Amazon Web Services (AWS)')
    await payload.update({ collection: 'categories', id: category.id, data: { description: 'Keeping things safe.' } })
    expect((await readSnapshot()).categories[0]?.description).toBe('Keeping things safe.')
  })

  it('drops a term on the next read after it is unpublished or deleted', async () => {
    await payload.update({ collection: 'terms', id: draftTerm.id, data: { _status: 'draft' } })
    expect(titles(await readSnapshot())).toEqual(['Audit Trail'])
    await payload.delete({ collection: 'terms', id: draftTerm.id })
    expect(titles(await readSnapshot())).toEqual(['Audit Trail'])
  })

  it('sees a change written by another Payload instance on the same database', async () => {
    const other = await getPayload({ config, key: `${process.env.DATABASE_URI}#other-process` })
    const before = await readSnapshot()
    await other.update({ collection: 'terms', id: publishedTerm.id, data: { definition: 'Rewritten elsewhere.' } })
    const after = await readSnapshot()
    expect(after).not.toBe(before)
    expect(after.termsBySlug.get(publishedTerm.slug)?.definition).toBe('Rewritten elsewhere.')
  })
})

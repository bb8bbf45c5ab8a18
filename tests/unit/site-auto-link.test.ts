import { describe, expect, it } from 'vitest'

import { createTermLinker, type LinkableTerm } from '@/lib/auto-link'

const TERMS: LinkableTerm[] = [
  { title: 'Object Storage', slug: 'object-storage', aliases: ['blob storage'], summary: 'Files as objects.' },
  { title: 'Storage', slug: 'storage', aliases: [], summary: 'Keeping data.' },
  { title: 'Identity and Access Management', slug: 'iam', aliases: ['IAM'], summary: 'Who may do what.' },
  { title: 'Virtual Machine', slug: 'virtual-machine', aliases: ['VM'], summary: 'A computer in software.' },
  { title: 'CloudTrail', slug: 'cloudtrail', aliases: [], summary: 'API activity log.' },
]

const linkedSlugs = (segments: { term?: LinkableTerm }[]) => segments.flatMap((segment) => (segment.term ? [segment.term.slug] : []))

describe('glossary auto-linking', () => {
  it('links a mention of another term and keeps the surrounding text intact', () => {
    const text = 'Logs land in object storage for a year.'
    const segments = createTermLinker(TERMS, 'cloudtrail').link(text)
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
    expect(segments.find((segment) => segment.term)).toMatchObject({ text: 'object storage', term: { slug: 'object-storage' } })
  })

  it('prefers the longest name at a position', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Use Object Storage here.'))).toEqual(['object-storage'])
  })

  it('links aliases and matches all-capital names only in capitals', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Grant IAM roles.'))).toEqual(['iam'])
    expect(linkedSlugs(createTermLinker(TERMS, null).link('I am here, iam is lowercase.'))).toEqual([])
  })

  it('never links inside a longer word', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Storages and CloudTrails'))).toEqual([])
  })

  it('does not link the page to itself', () => {
    expect(linkedSlugs(createTermLinker(TERMS, 'cloudtrail').link('CloudTrail records calls.'))).toEqual([])
  })

  it('links each term once per page, across several texts', () => {
    const linker = createTermLinker(TERMS, null)
    expect(linkedSlugs(linker.link('Storage, then storage again.'))).toEqual(['storage'])
    expect(linkedSlugs(linker.link('More storage and a VM.'))).toEqual([])
  })

  it('ignores names shorter than three characters', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Start a VM now.'))).toEqual([])
  })

  it('treats regular-expression characters in names literally', () => {
    const terms = [{ title: 'C++ (runtime)', slug: 'cpp', aliases: [], summary: '' }]
    expect(linkedSlugs(createTermLinker(terms, null).link('Runs C++ (runtime) code; C+ is not it.'))).toEqual(['cpp'])
  })
})

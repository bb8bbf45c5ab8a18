import { describe, expect, it } from 'vitest'

import { changedFieldNames, type ComparableField } from '@/audit/changed-fields'

const fields: ComparableField[] = [
  { name: 'id', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'definition', type: 'textarea' },
  { name: 'category', type: 'relationship' },
  { name: 'relatedTerms', type: 'relationship' },
  { name: 'seeAlso', type: 'array' },
  { name: 'aliases', type: 'text' },
  { name: 'faqs', type: 'join' },
  { name: 'transitionNote', type: 'textarea', virtual: true },
  { name: 'updatedAt', type: 'date' },
  { name: 'hash', type: 'text', hidden: true },
  { name: 'salt', type: 'text' },
  { name: 'sessions', type: 'array' },
]

const category = { id: 'c1', name: 'Storage', createdAt: '2026-01-01', updatedAt: '2026-01-02' }
const before = {
  id: 't1',
  title: 'Object Storage',
  definition: 'Stores objects.',
  category: 'c1',
  relatedTerms: ['t2'],
  seeAlso: [{ id: 'row1', term: 't3', label: null, url: null }],
  aliases: [],
  updatedAt: '2026-01-01',
  hash: 'old-hash',
  salt: 'old-salt',
}

describe('changed field names', () => {
  it('name the fields whose value changed', () => {
    expect(changedFieldNames(fields, before, { ...before, definition: 'Stores objects in buckets.' })).toEqual([
      'definition',
    ])
  })

  it('treat populated relationships as their ids', () => {
    const populated = {
      ...before,
      category,
      relatedTerms: [{ id: 't2', title: 'Block Storage', createdAt: 'x', updatedAt: 'y' }],
      seeAlso: [{ id: 'row1', term: { id: 't3', createdAt: 'x', updatedAt: 'y' }, label: null, url: null }],
    }
    expect(changedFieldNames(fields, before, populated)).toEqual([])
    expect(changedFieldNames(fields, before, { ...populated, category: { ...category, id: 'c2' } })).toEqual([
      'category',
    ])
  })

  it('treat related documents populated with only some of their fields as their ids', () => {
    const typedFields: ComparableField[] = [
      { name: 'category', type: 'relationship' },
      { name: 'relatedTerms', type: 'relationship' },
      {
        name: 'seeAlso',
        type: 'array',
        flattenedFields: [
          { name: 'term', type: 'relationship' },
          { name: 'label', type: 'text' },
        ],
      },
    ]
    const slim = {
      ...before,
      category: { id: 'c1', name: 'Storage', slug: 'storage' },
      relatedTerms: [{ id: 't2', title: 'Block Storage', slug: 'block-storage' }],
      seeAlso: [{ id: 'row1', term: { id: 't3', title: 'Archive', slug: 'archive' }, label: null, url: null }],
    }
    expect(changedFieldNames(typedFields, before, slim)).toEqual([])
    const moved = { ...slim, seeAlso: [{ ...slim.seeAlso[0]!, term: { id: 't4', title: 'Other', slug: 'other' } }] }
    expect(changedFieldNames(typedFields, before, moved)).toEqual(['seeAlso'])
  })

  it('treat documents referenced from rich text as their ids, however they are populated', () => {
    const richText = (value: unknown) => ({
      root: { children: [{ type: 'relationship', relationTo: 'terms', value }] },
    })
    const bodyField: ComparableField[] = [{ name: 'body', type: 'richText' }]
    const stored = { body: richText('t2') }
    expect(
      changedFieldNames(bodyField, stored, {
        body: richText({ id: 't2', title: 'Block Storage', slug: 'block-storage' }),
      }),
    ).toEqual([])
    expect(
      changedFieldNames(bodyField, stored, { body: richText({ id: 't9', title: 'Other', slug: 'other' }) }),
    ).toEqual(['body'])
  })

  it('see a changed value inside an array row', () => {
    const next = { ...before, seeAlso: [{ id: 'row1', term: 't3', label: 'See this', url: null }] }
    expect(changedFieldNames(fields, before, next)).toEqual(['seeAlso'])
  })

  it('ignore generated row ids, key order and empty values', () => {
    const next = {
      ...before,
      seeAlso: [{ url: null, label: null, term: 't3', id: 'row-regenerated' }],
      aliases: null,
      definition: 'Stores objects.',
    }
    expect(changedFieldNames(fields, before, next)).toEqual([])
    expect(changedFieldNames(fields, { ...before, title: null }, { ...before, title: '' })).toEqual([])
  })

  it('never name timestamps, joins, virtual fields or auth secrets', () => {
    const next = {
      ...before,
      updatedAt: '2026-02-02',
      faqs: { docs: ['f1'], hasNextPage: false },
      transitionNote: 'Looks good',
      hash: 'new-hash',
      salt: 'new-salt',
      sessions: [{ id: 's1' }],
    }
    expect(changedFieldNames(fields, before, next)).toEqual([])
  })

  it('count a field missing after the change as unknown, not removed', () => {
    const { definition: _definition, ...withoutDefinition } = before
    expect(changedFieldNames(fields, before, withoutDefinition)).toEqual([])
  })
})

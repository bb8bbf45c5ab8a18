import { describe, expect, it } from 'vitest'

import { resolveFieldPath } from '@/api-limits/where-field-path'
import { findWhereValidityProblem, type QueryField, type WhereValidityContext } from '@/api-limits/where-validity'

const categoryFields: QueryField[] = [
  { name: 'slug', type: 'text' },
  { name: 'updatedAt', type: 'date' },
]
const termFields: QueryField[] = [
  { name: 'title', type: 'text' },
  { name: 'aliases', type: 'text', hasMany: true },
  { name: 'body', type: 'richText' },
  { name: 'settings', type: 'json' },
  { name: 'weight', type: 'number' },
  { name: 'featured', type: 'checkbox' },
  { name: 'location', type: 'point' },
  { name: 'updatedAt', type: 'date' },
  { name: 'category', type: 'relationship', relationTo: 'categories' },
  { name: 'relatedTerms', type: 'relationship', relationTo: 'terms', hasMany: true },
  { name: 'mentions', type: 'relationship', relationTo: ['terms', 'categories'] },
  { name: 'seo', type: 'group', flattenedFields: [{ name: 'title', type: 'text' }] },
  { name: 'seeAlso', type: 'array', flattenedFields: [{ name: 'term', type: 'relationship', relationTo: 'terms' }] },
  { name: 'layout', type: 'blocks', blocks: [{ flattenedFields: [{ name: 'heading', type: 'text' }] }] },
]
const related = (slug: string) => ({ terms: termFields, categories: categoryFields })[slug]

const onMongo: WhereValidityContext = { fields: termFields, relatedFields: related, databaseSupports: () => true }
const onSqlite: WhereValidityContext = {
  ...onMongo,
  databaseSupports: (operator) => !['all', 'near', 'within', 'intersects'].includes(operator),
}

const problem = (where: unknown, context = onMongo) => findWhereValidityProblem(where, context)

describe('resolving where paths through flattened fields', () => {
  it.each([
    ['seo.title', 'text'],
    ['seeAlso.term.title', 'text'],
    ['category.slug', 'text'],
    ['category.id', 'relationship'],
    ['layout.heading', 'text'],
    ['mentions.relationTo', 'text'],
    ['_status', 'select'],
    ['id', 'id'],
  ])('resolves %s to a %s field', (path, type) => {
    expect(resolveFieldPath(termFields, path, related)?.field.type).toBe(type)
  })

  it('keeps the segments past a rich text field, which are no field', () => {
    expect(resolveFieldPath(termFields, 'body.root.children', related)).toMatchObject({
      path: 'body',
      rest: ['root', 'children'],
    })
  })

  it('leaves unknown paths to Payload', () => {
    expect(resolveFieldPath(termFields, 'nope.title', related)).toBeNull()
    expect(problem({ nope: { within: 'x' } })).toBeNull()
  })
})

describe('conditions the database cannot answer', () => {
  it.each([
    [{ id: { within: '*' } }, 'where[id][within]: within works only on point fields; this is an id field.'],
    [{ updatedAt: { near: 'a,b' } }, 'where[updatedAt][near]: near works only on point fields'],
    [{ 'category.slug': { within: 'x' } }, 'where[category.slug][within]'],
    [{ seo__title: { intersects: 'x' } }, 'where[seo__title][intersects]'],
    [{ _status: { all: ['true', 'true'] } }, 'where[_status][all]: all works only on fields that hold many values'],
    [{ title: { all: 'a,b' } }, 'this text field holds one'],
    [
      { 'body.root.children.text': { like: 'a' } },
      'where[body.root.children.text]: richText values cannot be queried inside',
    ],
    [{ 'settings.theme': { equals: 'dark' } }, 'json values cannot be queried inside'],
    [{ body: { in: 'a,b' } }, 'a richText field answers only exists, equals'],
    [{ body: { equals: { root: 1 } } }, 'compare a richText field with text, not an object'],
    [{ updatedAt: { equals: '_' } }, 'where[updatedAt][equals]: "_" is not a date.'],
    [{ updatedAt: { not_equals: 's3xxx' } }, '"s3xxx" is not a date'],
    [{ updatedAt: { in: '2026-01-01,soon' } }, 'where[updatedAt][in]: "soon" is not a date'],
    [{ 'category.updatedAt': { greater_than: 'x' } }, 'where[category.updatedAt][greater_than]: "x" is not a date'],
    [{ weight: { less_than: 'heavy' } }, '"heavy" is not a number'],
    [{ weight: { not_in: ['1', 'two'] } }, '"two" is not a number'],
    [{ featured: { equals: 'yes' } }, '"yes" is not true or false'],
    [{ updatedAt: { like: '2026' } }, 'like works only on text fields; this is a date field'],
    [{ category: { contains: 'x' } }, 'contains works only on text fields; this is a relationship field'],
    [{ category: { equals: { a: 1 } } }, 'compare a relationship field with a value, not an object'],
  ])('refuses %j', (where, message) => {
    expect(problem(where)).toContain(message)
  })

  it('finds a bad condition inside and/or groups', () => {
    expect(problem({ or: [{ title: { equals: 'a' } }, { and: [{ updatedAt: { equals: '_' } }] }] })).toContain(
      '"_" is not a date',
    )
  })

  it("names the parameter the where came in, e.g. a join field's", () => {
    expect(findWhereValidityProblem({ updatedAt: { equals: '_' } }, onMongo, 'joins[terms][where]')).toBe(
      'joins[terms][where][updatedAt][equals]: "_" is not a date.',
    )
  })

  it('refuses all and geo operators on a database without them (SQLite)', () => {
    expect(problem({ aliases: { all: 'a,b' } }, onSqlite)).toContain('this database does not support all; use in')
    expect(problem({ location: { near: '1,2' } }, onSqlite)).toContain('this database does not support near')
  })
})

describe('conditions the site, the admin and the API use', () => {
  it.each([
    { title: { like: 'cloud' } },
    { 'seo.title': { contains: 'x' } },
    { seo__title: { equals: 'x' } },
    { 'seeAlso.term.title': { like: 'x' } },
    { _status: { equals: 'published' } },
    { updatedAt: { greater_than: '2026-01-01T00:00:00.000Z' } },
    { updatedAt: { equals: 'null' } },
    { updatedAt: { exists: 'true' } },
    { weight: { in: '1,2.5' } },
    { featured: { equals: 'true' } },
    { id: { in: ['1', '2'] } },
    { id: { like: '12' } },
    { category: { equals: '3' } },
    { 'category.slug': { equals: 'compute' } },
    { relatedTerms: { in: ['1', '2'] } },
    { relatedTerms: { contains: { title: { equals: 'x' } } } },
    { mentions: { equals: { relationTo: 'terms', value: '1' } } },
    { body: { exists: 'true' } },
    { body: { equals: null } },
    { body: { like: 'words' } },
    { aliases: { all: 'a,b' } },
    { location: { near: '1,2,1000' } },
  ])('accepts %j', (where) => {
    expect(problem(where)).toBeNull()
  })
})

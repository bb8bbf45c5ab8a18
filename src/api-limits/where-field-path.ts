// Resolves a `where` path (`seo.title`, `seeAlso.term.slug`, `body.root.children`) to the field it reaches
// through a collection's flattened fields: groups, named tabs, arrays, blocks and relationships into the
// related collection's fields. Pure: the shapes are Payload's flattened fields, read structurally.

/** The part of Payload's flattened field a `where` check reads. */
export type QueryField = {
  name: string
  type: string
  hasMany?: boolean
  relationTo?: string | string[]
  collection?: string | string[]
  flattenedFields?: QueryField[]
  blocks?: { flattenedFields?: QueryField[] }[]
}

/** The flattened fields of another collection, for paths through relationships; undefined when unknown. */
export type RelatedFields = (collectionSlug: string) => QueryField[] | undefined

export type ResolvedPath = {
  field: QueryField
  /** The path up to and including the field. */
  path: string
  /** Segments past a field whose values are documents (rich text, JSON), which Payload passes on as is. */
  rest: string[]
}

const DOCUMENT_TYPES = new Set(['richText', 'json'])
/** Fields Payload answers on every collection, whether or not they appear among its fields. */
const BUILT_IN_FIELDS: QueryField[] = [
  { name: 'id', type: 'id' },
  { name: '_status', type: 'select' },
]

function childFields(field: QueryField, relatedFields: RelatedFields): QueryField[] | undefined {
  if (field.flattenedFields) return field.flattenedFields
  if (field.blocks) return field.blocks.flatMap((block) => block.flattenedFields ?? [])
  const target = field.type === 'join' ? field.collection : field.relationTo
  if (typeof target === 'string') return relatedFields(target)
  if (Array.isArray(target)) {
    // A polymorphic relationship is queried as `field.value` (the related id) or `field.relationTo`.
    return [
      { name: 'value', type: 'relationship' },
      { name: 'relationTo', type: 'text' },
    ]
  }
  return undefined
}

/** The field a path reaches; null when some segment names no field (Payload answers those with its own 400). */
export function resolveFieldPath(
  fields: QueryField[],
  path: string,
  relatedFields: RelatedFields,
): ResolvedPath | null {
  const segments = path.split('.')
  let candidates: QueryField[] | undefined = fields
  for (let index = 0; index < segments.length; index += 1) {
    const name = segments[index]
    const field: QueryField | undefined =
      candidates?.find((candidate) => candidate.name === name) ??
      BUILT_IN_FIELDS.find((builtIn) => builtIn.name === name)
    if (!field) return null
    const reached = segments.slice(0, index + 1).join('.')
    const rest = segments.slice(index + 1)
    if (rest.length === 0 || DOCUMENT_TYPES.has(field.type)) return { field, path: reached, rest }
    // `category.id` is the relationship itself.
    const isRelation = field.type === 'relationship' || field.type === 'upload'
    if (isRelation && rest.length === 1 && rest[0] === 'id') return { field, path: reached, rest: [] }
    candidates = childFields(field, relatedFields)
  }
  return null
}

// The REST validator of a document: a strong ETag naming the document and its revision, and the
// If-Match header that carries such tags back. Pure: no Payload, no I/O.
//
// The tag names the document as well as the revision so that one If-Match header can list the tags of
// several documents (a bulk PATCH or DELETE with `where`) and still be compared one document at a time.

export type DocumentId = string | number

/** The field that holds a document's revision. */
export const REVISION_FIELD = 'revision'

/** `"<id>:<revision>"`: ids (integers, UUIDs, ObjectIds) never contain a colon or a quote. */
export function revisionTag(id: DocumentId, revision: number): string {
  return `"${id}:${revision}"`
}

export type IfMatch =
  /** No header: the client asks for no check (clients written before validators existed). */
  | { kind: 'absent' }
  /** `*`: any current version will do, which every existing document has. */
  | { kind: 'any' }
  | { kind: 'tags'; tags: string[] }

/** Splits an If-Match value into its entity tags (RFC 9110 §13.1.1); commas inside quotes stay in their tag. */
function entityTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"|[^\s,]+/g) ?? []
}

export function parseIfMatch(header: string | null | undefined): IfMatch {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'absent' }
  if (header.trim() === '*') return { kind: 'any' }
  return { kind: 'tags', tags: entityTags(header) }
}

/**
 * The header as it concerns one document: a GraphQL request can write several documents with one header,
 * so there a document is checked only when a tag names it.
 */
export function ifMatchNaming(ifMatch: IfMatch, id: DocumentId): IfMatch {
  if (ifMatch.kind !== 'tags') return ifMatch
  const named = ifMatch.tags.some((tag) => tag.startsWith(`"${id}:`))
  return named ? ifMatch : { kind: 'absent' }
}

/**
 * Whether the header lets a write of this document at this revision go ahead. If-Match uses strong
 * comparison, so a weak tag (`W/"…"`) never matches.
 */
export function ifMatchAccepts(ifMatch: IfMatch, id: DocumentId, currentRevision: number): boolean {
  if (ifMatch.kind !== 'tags') return true
  return ifMatch.tags.includes(revisionTag(id, currentRevision))
}

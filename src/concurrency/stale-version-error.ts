// The refusal of a write made against an older revision of a document than the one stored. REST answers
// it with 412 Precondition Failed in Payload's error shape; GraphQL with an error whose extensions carry
// `code: "STALE_VERSION"`; the Local API throws it as is.
import { APIError } from 'payload'

import { revisionTag, type DocumentId } from './revision-tags'

export const STALE_VERSION_CODE = 'STALE_VERSION'

const PRECONDITION_FAILED = 412

export type StaleDocument = {
  collection: string
  id: DocumentId
  /** The stored revision: what a retry must send. */
  currentRevision: number
  /** The same as a REST ETag. */
  currentEtag: string
}

export function staleDocument(collection: string, id: DocumentId, currentRevision: number): StaleDocument {
  return { collection, id, currentRevision, currentEtag: revisionTag(id, currentRevision) }
}

function messageFor(documents: readonly StaleDocument[]): string {
  if (documents.length === 1) {
    const [only] = documents
    return (
      'This document was changed by someone else since you opened it: reload to see their version; ' +
      `copy your edits first. (It is now at revision ${only!.currentRevision}.)`
    )
  }
  const names = documents.map((document) => `${document.id} (revision ${document.currentRevision})`).join(', ')
  return `Nothing was changed: ${documents.length} documents were changed by someone else since you read them: ${names}.`
}

export class StaleVersionError extends APIError<{ code: typeof STALE_VERSION_CODE; documents: StaleDocument[] }> {
  readonly documents: StaleDocument[]

  constructor(documents: StaleDocument[]) {
    super(messageFor(documents), PRECONDITION_FAILED, { code: STALE_VERSION_CODE, documents }, true)
    this.documents = documents
  }

  /** The stored revision when one document was refused. */
  get currentRevision(): number | undefined {
    return this.documents.length === 1 ? this.documents[0]!.currentRevision : undefined
  }
}

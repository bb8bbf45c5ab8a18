import type { CollectionSlug, PayloadRequest } from 'payload'

export type Row = Record<string, unknown>

/** A document ready to store: `data` as Payload's beforeChange hands it to the adapter, with its id. */
export type NewDocument = { id: string; data: Row }

export interface BulkInsert {
  /** An id the database accepts, so that documents of one batch can point at each other before they are stored. */
  newId(): string
  /** Stores `documents` and, when the collection keeps versions, each one's first version, dated `at`. */
  insertDocuments(req: PayloadRequest, collection: CollectionSlug, documents: NewDocument[], at: string): Promise<void>
  /** Stores rows of a collection without versions or hooks (the audit log, the change log). */
  insertRows(req: PayloadRequest, collection: CollectionSlug, rows: Row[]): Promise<void>
  /**
   * Rewrites list fields (hasMany relationships and texts, arrays) of stored documents and of their latest
   * version in place, without a new version, and dates both `at`. For documents a bulk write stored a
   * moment ago and nobody has changed since: the import completes their links this way.
   */
  amendDocuments(req: PayloadRequest, collection: CollectionSlug, amendments: NewDocument[], at: string): Promise<void>
}

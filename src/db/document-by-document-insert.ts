import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { REVISION_FIELD } from '@/concurrency/revision-tags'

import { NEXT_REVISION, revisionAfter } from './amendment-revision'
import type { BulkInsert, NewDocument, Row } from './bulk-insert-contract'
import { newRowId, objectIdHex } from './row-ids'

/** One adapter call per document, as Payload's create operation makes them: right for every adapter. */
export class DocumentByDocumentInsert implements BulkInsert {
  constructor(private readonly payload: Payload) {}

  newId(): string {
    return this.payload.db.name === 'mongoose' ? objectIdHex() : newRowId()
  }

  async insertDocuments(req: PayloadRequest, collection: CollectionSlug, documents: NewDocument[], at: string) {
    const versioned = Boolean(this.payload.collections[collection].config.versions)
    for (const { id, data } of documents) {
      await this.payload.db.create({ collection, customID: id, data: { ...data }, req, returning: false })
      if (!versioned) continue
      await this.payload.db.createVersion({
        collectionSlug: collection,
        parent: id,
        versionData: { ...data, id } as never,
        autosave: false,
        createdAt: at,
        updatedAt: at,
        req,
        returning: false,
      })
    }
  }

  async insertRows(req: PayloadRequest, collection: CollectionSlug, rows: Row[]) {
    for (const data of rows) await this.payload.db.create({ collection, data, req, returning: false })
  }

  async amendDocuments(req: PayloadRequest, collection: CollectionSlug, amendments: NewDocument[], at: string) {
    for (const { id, data } of amendments) {
      await this.payload.db.updateOne({
        collection,
        id,
        data: { ...data, updatedAt: at, ...NEXT_REVISION },
        req,
        returning: false,
      })
      const { docs } = await this.payload.db.findVersions({
        collection,
        where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
        limit: 1,
        pagination: false,
        req,
      })
      const latest = docs[0]
      if (!latest) continue
      await this.payload.db.updateVersion({
        collection,
        id: String(latest.id),
        versionData: {
          ...latest,
          version: {
            ...(latest.version as Row),
            ...data,
            updatedAt: at,
            [REVISION_FIELD]: revisionAfter(latest.version as Row),
          },
          updatedAt: at,
        } as never,
        req,
        returning: false,
      })
    }
  }
}

// A bulk update or delete (REST PATCH or DELETE with `where`, the Local API's update or delete with
// `where`; GraphQL has none) is all or nothing. Payload runs every document of one in the operation's
// transaction but only collects a failing document's error and commits the rest, together with whatever
// the failing document wrote before it failed (its row, a version, a change-log row, an audit entry).
// Throwing once the operation has run makes Payload roll the whole transaction back instead.
import { APIError, type CollectionAfterOperationHook, type CollectionConfig } from 'payload'

export const BULK_WRITE_REFUSED_CODE = 'BULK_WRITE_REFUSED'

const BAD_REQUEST = 400

export type BulkDocumentError = { id: string | number; message: string }

type BulkResult = { docs?: unknown[]; errors?: { id: string | number; message: string; isPublic?: boolean }[] }

/** What a caller may learn about a document's failure: Payload's own rule for which errors are public. */
function reportable({ id, message, isPublic }: NonNullable<BulkResult['errors']>[number]): BulkDocumentError {
  return { id, message: isPublic === false ? 'Something went wrong.' : message }
}

export class BulkWriteRefusedError extends APIError<{
  code: typeof BULK_WRITE_REFUSED_CODE
  errors: BulkDocumentError[]
}> {
  readonly errors: BulkDocumentError[]

  constructor(operation: 'update' | 'delete', errors: BulkDocumentError[]) {
    const listed = errors.map(({ id, message }) => `${id}: ${message}`).join('; ')
    const verb = operation === 'update' ? 'updated' : 'deleted'
    super(
      `Nothing was ${verb}: ${errors.length === 1 ? 'one document' : `${errors.length} documents`} could not be ${verb} (${listed}). ${errors.length === 1 ? 'Fix it or leave it out' : 'Fix them or leave them out'} and send the request again.`,
      BAD_REQUEST,
      { code: BULK_WRITE_REFUSED_CODE, errors },
      true,
    )
    this.errors = errors
  }
}

const refusePartialBulkWrites: CollectionAfterOperationHook = ({ operation, result }) => {
  if (operation !== 'update' && operation !== 'delete') return result
  const errors = (result as BulkResult | undefined)?.errors ?? []
  if (errors.length > 0) throw new BulkWriteRefusedError(operation, errors.map(reportable))
  return result
}

/** The collection's bulk writes become all or nothing; runs after the collection's own afterOperation hooks. */
export function withAllOrNothingBulkWrites(config: CollectionConfig): CollectionConfig {
  const hooks = config.hooks ?? {}
  return { ...config, hooks: { ...hooks, afterOperation: [...(hooks.afterOperation ?? []), refusePartialBulkWrites] } }
}

// Checks an uploaded file before Payload reads, stores or resizes it: see ../inspect-upload.ts.
import { APIError, ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { inspectUpload } from '../inspect-upload'

export const refuseUnsafeUploads: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return args
  const inspection = await inspectUpload(file.data)
  if (!inspection.accepted) {
    if (inspection.reason === 'too-large') throw new APIError(inspection.message, 413, undefined, true)
    throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: inspection.message }] }, req.t)
  }
  // Stored and served as what the bytes are, not as what the client called them.
  file.mimetype = inspection.mimeType
  return args
}

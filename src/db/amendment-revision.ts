import { REVISION_FIELD } from '@/concurrency/revision-tags'

import type { Row } from './bulk-insert-contract'

/**
 * An amendment is a write of the document like any other, so its revision moves on (see
 * src/concurrency/revisions.ts); the document and its latest version keep the same count.
 */
export const NEXT_REVISION = { [REVISION_FIELD]: { $inc: 1 } }
export const revisionAfter = (version: Row) => (Number(version[REVISION_FIELD]) || 0) + 1

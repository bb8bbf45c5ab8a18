// The collections that go through review before publishing: a leaf module, so the release collection,
// the editorial desk and the workflow hooks name them from one place without importing each other.
export const REVIEWED_COLLECTIONS = ['terms', 'use-cases', 'faqs'] as const
export type ReviewedCollection = (typeof REVIEWED_COLLECTIONS)[number]

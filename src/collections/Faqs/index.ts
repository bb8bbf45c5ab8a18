import type { CollectionConfig } from 'payload'

import { reviewedCollection } from '@/workflow/reviewed-collection'

export const Faqs: CollectionConfig = reviewedCollection({
  slug: 'faqs',
  titleField: 'question',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  // Populated on a term: the question and its answer, without the terms that show it.
  defaultPopulate: { question: true, answer: true },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'workflowStage', 'assignee', 'updatedAt'],
  },
  fields: [
    { name: 'question', type: 'text', required: true, index: true },
    { name: 'answer', type: 'richText', required: true },
    {
      name: 'terms',
      type: 'join',
      collection: 'terms',
      on: 'faqs',
      admin: { description: 'Terms that show this question. Add it from the term.' },
    },
  ],
})

import type { CollectionConfig } from 'payload'

import { reviewedCollection } from '@/workflow/reviewed-collection'

export const UseCases: CollectionConfig = reviewedCollection({
  slug: 'use-cases',
  titleField: 'organization',
  labels: { singular: 'Use case', plural: 'Use cases' },
  // Populated on a term: the use case itself, without the terms that show it.
  defaultPopulate: { organization: true, scenario: true, solution: true, outcome: true },
  admin: {
    useAsTitle: 'organization',
    defaultColumns: ['organization', 'scenario', 'workflowStage', 'assignee', 'updatedAt'],
  },
  fields: [
    { name: 'organization', type: 'text', required: true, index: true },
    { name: 'scenario', type: 'textarea', required: true },
    { name: 'solution', type: 'textarea', required: true },
    { name: 'outcome', type: 'textarea' },
    {
      name: 'terms',
      type: 'join',
      collection: 'terms',
      on: 'useCases',
      admin: { description: 'Terms that show this use case. Add it from the term.' },
    },
  ],
})

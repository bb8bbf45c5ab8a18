import { describe, expect, it } from 'vitest'

import { differingFields } from '@/concurrency/stale-edit-diff'

describe('differingFields', () => {
  it('lists the worded fields first, then other text and scalar fields, each with both values', () => {
    const yours = {
      definition: 'Mine.',
      title: 'Queue',
      difficulty: 'beginner',
      slug: 'queue-mine',
      category: 'c1',
      analogy: null,
    }
    const stored = {
      definition: 'Theirs.',
      title: 'Queue',
      difficulty: 'advanced',
      slug: 'queue',
      category: { id: 'c2', name: 'Messaging' },
      analogy: 'A line.',
    }
    expect(differingFields(yours, stored)).toEqual([
      { field: 'definition', label: 'Definition', yours: 'Mine.', stored: 'Theirs.' },
      { field: 'analogy', label: 'Analogy', yours: '', stored: 'A line.' },
      { field: 'category', label: 'Category', yours: 'c1', stored: 'c2' },
      { field: 'difficulty', label: 'Difficulty', yours: 'beginner', stored: 'advanced' },
      { field: 'slug', label: 'Slug', yours: 'queue-mine', stored: 'queue' },
    ])
  })

  it('leaves out fields the server keeps and values it cannot show as text, and treats empty and missing alike', () => {
    const yours = {
      revision: 3,
      updatedAt: 'a',
      body: { root: {} },
      aliases: ['x'],
      seeAlso: undefined,
      workflowStage: 'draft',
    }
    const stored = {
      revision: 4,
      updatedAt: 'b',
      body: { root: { children: [] } },
      aliases: [],
      seeAlso: '',
      workflowStage: 'draft',
    }
    expect(differingFields(yours, stored)).toEqual([])
  })

  it('spells camel-case field names as words', () => {
    expect(differingFields({ workflowStage: 'draft' }, { workflowStage: 'in_review' })[0]!.label).toBe('Workflow stage')
  })
})

// Guards on the content model that the site, the API and the database rely on.
import type { CollectionConfig, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { Faqs } from '@/collections/Faqs'
import { Terms } from '@/collections/Terms'
import { UseCases } from '@/collections/UseCases'

function topLevelField(collection: CollectionConfig, name: string): Field & { index?: boolean; unique?: boolean } {
  const field = collection.fields.find((candidate) => 'name' in candidate && candidate.name === name)
  if (!field) throw new Error(`${collection.slug} has no field ${name}`)
  return field as Field & { index?: boolean; unique?: boolean }
}

describe('the content model', () => {
  it('indexes every term field the site and API filter or sort on', () => {
    for (const name of ['title', 'slug', 'category', 'difficulty']) {
      expect(topLevelField(Terms, name).index, name).toBe(true)
    }
    expect(topLevelField(Terms, 'slug').unique).toBe(true)
  })

  it('keeps drafts and versions on every collection readers see', () => {
    for (const collection of [Terms, UseCases, Faqs]) {
      expect(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts).toBeTruthy()
    }
  })

  it('offers exactly the three difficulty levels of the seed format', () => {
    const difficulty = topLevelField(Terms, 'difficulty') as { options: { value: string }[] }
    expect(difficulty.options.map((option) => option.value)).toEqual(['beginner', 'intermediate', 'advanced'])
  })
})

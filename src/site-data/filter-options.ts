// The choices of the filter forms and the vocabulary that reads filters from an address: the categories
// and providers the site shows, the difficulties, and (for the A–Z form) how many terms each value alone
// matches, from the cached counts. A category with no published term is not offered.
import { DIFFICULTIES } from '@/content-format/types'
import {
  difficultyLabel,
  filterVocabulary,
  type FilterField,
  type FilterOption,
  type FilterVocabulary,
} from '@/site-data/term-filters'

import { getCategories, getCategoryTermCounts, getProviders, getProviderServiceCounts } from './taxonomy'
import { getDifficultyCounts } from './term-index'

export type FilterChoices = { vocabulary: FilterVocabulary; options: Partial<Record<FilterField, FilterOption[]>> }

/** The A–Z form: category, difficulty and provider, each option with its count. */
export async function getTermFilterChoices(): Promise<FilterChoices> {
  const [categories, categoryCounts, providers, providerCounts, difficultyCounts] = await Promise.all([
    getCategories(),
    getCategoryTermCounts(),
    getProviders(),
    getProviderServiceCounts(),
    getDifficultyCounts(),
  ])
  const listed = categories.filter((category) => (categoryCounts[category.id] ?? 0) > 0)
  return {
    vocabulary: filterVocabulary(listed, providers),
    options: {
      category: listed.map((category) => ({
        value: category.slug,
        label: category.name,
        count: categoryCounts[category.id] ?? 0,
      })),
      difficulty: DIFFICULTIES.map((level) => ({
        value: level,
        label: difficultyLabel(level),
        count: difficultyCounts[level] ?? 0,
      })),
      provider: providers.map((provider) => ({
        value: provider.slug,
        label: provider.fullName,
        count: providerCounts[provider.id] ?? 0,
      })),
    },
  }
}

/**
 * The compare form: category and provider, without counts, so a compare page changes only with its own
 * category's terms and not with every term of the glossary.
 */
export async function getCompareFilterChoices(): Promise<FilterChoices> {
  const [categories, providers] = await Promise.all([getCategories(), getProviders()])
  return {
    vocabulary: filterVocabulary(categories, providers),
    options: {
      category: categories.map((category) => ({ value: category.slug, label: category.name })),
      provider: providers.map((provider) => ({ value: provider.slug, label: provider.fullName })),
    },
  }
}

// Where search gets the text of the hits it shows: the database, through the directory's reader, with the
// texts of the most recently shown terms kept in a bounded LRU cache. Readers ask the same popular queries
// again and again; reading each hit's text every time halved the throughput of search as you type. The
// cache never serves an old version: every change the directory applies passes through `keep` or `forget`.
import { LRUCache } from 'lru-cache'

import type { SearchText, TermTexts } from '@/search/term-search-index'

import type { DirectoryReader } from './directory-sync'

/** About 8 MB of text (one byte a character for most terms): several thousand terms' definitions and FAQs. */
export const SHOWN_TEXTS_MAX_CHARACTERS = 8_000_000

/** A cached text; `faqs` is null when only the definition was read (the hit's snippet was not a FAQ). */
type CachedText = { definition: string; faqs: SearchText['faqs'] | null }

const charactersIn = (text: CachedText) =>
  text.definition.length +
    (text.faqs ?? []).reduce((sum, faq) => sum + faq.question.length + faq.answerText.length, 0) || 1

export function shownTermTexts(reader: DirectoryReader, maxCharacters = SHOWN_TEXTS_MAX_CHARACTERS): TermTexts {
  const cache = new LRUCache<string, CachedText>({ maxSize: maxCharacters, sizeCalculation: charactersIn })
  // Bumped by every change: a database read that began before a change may hold the version before it.
  let generation = 0

  return {
    keep(id, text) {
      generation += 1
      if (cache.has(id))
        cache.set(id, {
          definition: text.definition,
          faqs: text.faqs.map(({ question, answerText }) => ({ question, answerText })),
        })
    },

    forget(id) {
      generation += 1
      cache.delete(id)
    },

    async read(ids, withFaqs) {
      const texts = new Map<string, SearchText>()
      const missing: string[] = []
      for (const id of ids) {
        const cached = cache.get(id)
        if (cached && (cached.faqs !== null || !withFaqs.has(id)))
          texts.set(id, { definition: cached.definition, faqs: cached.faqs ?? [] })
        else missing.push(id)
      }
      if (missing.length === 0) return texts
      const readAt = generation
      const read = await reader.readTermTexts(missing, withFaqs)
      for (const [id, text] of read) {
        texts.set(id, text)
        if (generation === readAt)
          cache.set(id, { definition: text.definition, faqs: withFaqs.has(id) ? text.faqs : null })
      }
      return texts
    },
  }
}

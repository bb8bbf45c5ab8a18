import { describe, expect, it } from 'vitest'

import { firstSentence, toOgText } from '@/seo/og-text'
import { firstParagraph, truncateAtWord } from '@/site-data/term-summary'

describe('text for social images', () => {
  it('keeps Latin text and typographic punctuation the bundled font has', () => {
    expect(toOgText('Café “naïve” — résumé… 5 × 3 → ok', 100)).toBe('Café “naïve” — résumé… 5 × 3 → ok')
  })

  it('drops emoji and scripts the bundled font lacks, so nothing is fetched from the internet', () => {
    expect(toOgText('Cloud ☁️ storage 🚀 クラウド done', 100)).toBe('Cloud storage done')
  })

  it('falls back to the base letter for accents the font lacks', () => {
    expect(toOgText('Ĕvent', 100)).toBe('Event')
  })

  it('shortens long text at a word boundary', () => {
    expect(toOgText('one two three four', 12)).toBe('one two…')
  })
})

describe('summaries', () => {
  it('takes the first paragraph with whitespace collapsed', () => {
    expect(firstParagraph('  First line\ncontinues.  \n \nSecond paragraph.')).toBe('First line continues.')
  })

  it('takes the first sentence without splitting on dots inside words', () => {
    expect(firstSentence('Amazon S3 stores objects. It scales.')).toBe('Amazon S3 stores objects.')
    expect(firstSentence('Use v1.2 of the API')).toBe('Use v1.2 of the API')
  })

  it('leaves short text alone and cuts long words where they are', () => {
    expect(truncateAtWord('short', 10)).toBe('short')
    expect(truncateAtWord('supercalifragilistic', 10)).toBe('supercali…')
  })
})

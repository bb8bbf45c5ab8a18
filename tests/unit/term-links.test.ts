import { describe, expect, it } from 'vitest'

import {
  linksFromEntry,
  relinkStoredTerm,
  sameLinks,
  TermNameIndex,
  waitingNames,
  type StoredLinks,
} from '@/content-transfer/term-links'

function namesOf(...titles: string[]): TermNameIndex {
  const index = new TermNameIndex()
  for (const title of titles) index.add({ id: `id-${title}`, slug: title.toLowerCase().replace(/ /g, '-'), title })
  return index
}

const entry = (relatedTerms: string[], seeAlso: string[] = []) => ({ slug: 'alpha', relatedTerms, seeAlso })

describe('links from the names an entry writes', () => {
  it('links every related name that matches, by title in any case or by slug', () => {
    const links = linksFromEntry(entry(['bravo', 'charlie-delta']), null, namesOf('Bravo', 'Charlie Delta'))
    expect(links).toEqual({ relatedTerms: ['id-Bravo', 'id-Charlie Delta'], pendingRelatedTerms: [], seeAlso: [] })
  })

  it('keeps the whole related list as written while one name matches no term yet', () => {
    const links = linksFromEntry(entry(['Charlie', 'Bravo', 'Delta']), null, namesOf('Bravo'))
    expect(links.relatedTerms).toEqual(['id-Bravo'])
    expect(links.pendingRelatedTerms).toEqual(['Charlie', 'Bravo', 'Delta'])
  })

  it('drops names of the term itself and links a repeated term once', () => {
    const links = linksFromEntry(entry(['Alpha', 'Bravo', 'bravo']), null, namesOf('Alpha', 'Bravo'))
    expect(links.relatedTerms).toEqual(['id-Bravo'])
  })

  it('keeps a waiting see-also name as a label in its place, and the label an editor gave a link', () => {
    const previous: StoredLinks = {
      slug: 'alpha',
      seeAlso: [{ term: 'id-Bravo', label: 'Bravo (service)', url: null }],
    }
    const links = linksFromEntry(entry([], ['Charlie', 'Bravo']), previous, namesOf('Bravo'))
    expect(links.seeAlso).toEqual([
      { term: null, label: 'Charlie', url: null },
      { term: 'id-Bravo', label: 'Bravo (service)', url: null },
    ])
    expect(waitingNames(links, namesOf('Bravo'))).toEqual(['Charlie'])
  })
})

describe('links of a stored term once waiting names are looked up again', () => {
  const waiting: StoredLinks = {
    slug: 'alpha',
    relatedTerms: ['id-Bravo'],
    pendingRelatedTerms: ['Charlie', 'Bravo', 'Delta'],
    seeAlso: [
      { term: null, label: 'Delta', url: null },
      { term: 'id-Bravo', label: null, url: null },
      { term: null, label: 'Docs', url: 'https://example.com/docs' },
    ],
  }

  it('links the terms that arrived in the order the file wrote them', () => {
    const links = relinkStoredTerm(waiting, namesOf('Bravo', 'Charlie', 'Delta'))
    expect(links.relatedTerms).toEqual(['id-Charlie', 'id-Bravo', 'id-Delta'])
    expect(links.pendingRelatedTerms).toEqual([])
    expect(links.seeAlso).toEqual([
      { term: 'id-Delta', label: null, url: null },
      { term: 'id-Bravo', label: null, url: null },
      { term: null, label: 'Docs', url: 'https://example.com/docs' },
    ])
  })

  it('keeps waiting for a name still missing, with the others in their places', () => {
    const links = relinkStoredTerm(waiting, namesOf('Bravo', 'Charlie'))
    expect(links.relatedTerms).toEqual(['id-Charlie', 'id-Bravo'])
    expect(links.pendingRelatedTerms).toEqual(['Charlie', 'Bravo', 'Delta'])
    expect(waitingNames(links, namesOf('Bravo', 'Charlie'))).toEqual(['Delta', 'Delta'])
  })

  it('keeps a link an editor added since, after the written ones', () => {
    const edited = { ...waiting, relatedTerms: ['id-Bravo', 'id-Echo'] }
    expect(relinkStoredTerm(edited, namesOf('Bravo', 'Charlie', 'Delta')).relatedTerms).toEqual([
      'id-Charlie',
      'id-Bravo',
      'id-Delta',
      'id-Echo',
    ])
  })

  it('tells an unchanged term from a changed one', () => {
    const names = namesOf('Bravo')
    expect(sameLinks(waiting, relinkStoredTerm(waiting, names))).toBe(true)
    expect(sameLinks(waiting, relinkStoredTerm(waiting, namesOf('Bravo', 'Delta')))).toBe(false)
  })
})

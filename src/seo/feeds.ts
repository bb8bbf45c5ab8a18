// The Atom feed (/feed.xml) and JSON Feed (/feed.json) of recently published and updated terms, built
// with the `feed` package from the newest terms (./feed-documents.ts reads them, newest first).
import { Feed, type Item } from 'feed'

import { SITE_DESCRIPTION, SITE_NAME } from './site-identity'
import { termPath } from '../routes/site-routes'
import { absoluteUrl, siteUrl } from '../routes/site-url'
import { termSummary } from '../site-data/term-summary'
import type { TermView } from '../site-data/term-view'

export const FEED_LENGTH = 30
export const ATOM_FEED_PATH = '/feed.xml'
export const JSON_FEED_PATH = '/feed.json'

export type FeedTerm = Pick<TermView, 'title' | 'slug' | 'definition' | 'category' | 'createdAt' | 'updatedAt'>

/** The terms of a feed, newest update first, and when the feed was made (its date when there are none). */
export type FeedContent = { terms: readonly FeedTerm[]; builtAt: string }

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

type FeedFlavour = 'atom' | 'json'

function createFeed(content: FeedContent, flavour: FeedFlavour): Feed {
  const terms = content.terms.slice(0, FEED_LENGTH)
  const feed = new Feed({
    id: absoluteUrl('/'),
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    link: absoluteUrl('/'),
    language: 'en',
    updated: new Date(terms[0]?.updatedAt ?? content.builtAt),
    generator: SITE_NAME,
    feedLinks: { atom: absoluteUrl(ATOM_FEED_PATH), json: absoluteUrl(JSON_FEED_PATH) },
    author: { name: SITE_NAME, link: siteUrl() },
  })
  for (const term of terms) feed.addItem(feedItem(term, flavour))
  return feed
}

function feedItem(term: FeedTerm, flavour: FeedFlavour): Item {
  const link = absoluteUrl(termPath(term.slug))
  const summary = termSummary(term)
  const category = term.category
    ? [{ name: term.category.name, term: term.category.slug, scheme: absoluteUrl('/categories/') }]
    : undefined
  const dates = { date: new Date(term.updatedAt), published: new Date(term.createdAt) }
  // Atom's title and summary are written as type="html", so plain text is escaped for them. JSON Feed
  // takes a plain title, a plain `summary` (from description) and HTML `content_html` (from content).
  if (flavour === 'atom') {
    return { id: link, link, title: escapeHtml(term.title), description: escapeHtml(summary), category, ...dates }
  }
  return {
    id: link,
    link,
    title: term.title,
    description: summary,
    content: `<p>${escapeHtml(summary)}</p>`,
    category,
    ...dates,
  }
}

export function buildAtomFeed(content: FeedContent): string {
  return createFeed(content, 'atom').atom1()
}

type JsonFeedAuthor = { name?: string; url?: string; avatar?: string }
type JsonFeedDocument = Record<string, unknown> & {
  author?: JsonFeedAuthor
  items: (Record<string, unknown> & { author?: JsonFeedAuthor })[]
}

/**
 * JSON Feed 1.1. The `feed` package writes version 1 (a single `author`); 1.1 replaces it with an
 * `authors` array and adds `language`, so its output is upgraded here rather than written by hand.
 */
export function buildJsonFeed(content: FeedContent): string {
  const { author, items, ...rest } = JSON.parse(createFeed(content, 'json').json1()) as JsonFeedDocument
  const document = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language: 'en',
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: itemAuthor, ...item }) => ({
      ...item,
      ...(itemAuthor ? { authors: [itemAuthor] } : {}),
    })),
  }
  return JSON.stringify(document, null, 2)
}

import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { DismissiblePreviews } from '@/components/site/dismissible-previews'
import { JsonLd } from '@/components/site/json-ld'
import { DraftPreviewNotice } from '@/components/term/draft-preview-notice'
import { ProviderEquivalents } from '@/components/term/provider-equivalents'
import { RelatedTerms } from '@/components/term/related-terms'
import { SeeAlsoLinks } from '@/components/term/see-also-links'
import { TermAnalogy } from '@/components/term/term-analogy'
import { TermBodySection } from '@/components/term/term-body-section'
import { TermDefinition } from '@/components/term/term-definition'
import { TermFaqs } from '@/components/term/term-faqs'
import { TermHeader } from '@/components/term/term-header'
import { TermUseCases } from '@/components/term/term-use-cases'
import { termBreadcrumbs } from '@/seo/breadcrumbs'
import { termPageMetadata } from '@/seo/page-metadata'
import { getPreviewViewer } from '@/site-data/preview'
import { termPageStructuredData } from '@/seo/structured-data'
import type { TermView } from '@/site-data/term-view'
import { dependOn } from '@/site-cache/cached-read'
import { termIdTag, termSlugTag } from '@/site-cache/cache-tags'
import { getTermLinker } from '@/site-data/site-directory'
import { getPublishedTerm, getTermPreview, linkableTexts } from '@/site-data/terms'

type Args = { params: Promise<{ slug: string }> }

// Rendered on a reader's first visit, then served from the rendering cache until something the page
// shows changes (see getPublishedTerm). The hourly refresh picks up new glossary terms its text mentions.
export const revalidate = 3600
export function generateStaticParams(): { slug: string }[] {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const published = await getPublishedTerm((await params).slug)
  return published ? termPageMetadata(published.view) : { title: 'Term not found' }
}

/** The term as this request may see it: the latest draft for staff in preview, else the published one. */
async function readTermForPage(slug: string): Promise<{ term: TermView | null; preview: boolean }> {
  const viewer = await getPreviewViewer()
  if (viewer) return { term: await getTermPreview(slug, viewer), preview: true }
  const published = await getPublishedTerm(slug)
  // Tagged even when missing, so the 404 kept for this address goes once a term takes it.
  await dependOn(published?.tags ?? [termSlugTag(slug)])
  return { term: published?.view ?? null, preview: false }
}

/**
 * The page shows the title and summary of every term its text links to: a rehearsal on a linker of its
 * own finds them before the page renders its text with its own linker, so the page is refreshed when they change.
 */
async function dependOnLinkedTerms(term: TermView): Promise<void> {
  const rehearsal = await getTermLinker(term.slug)
  for (const text of linkableTexts(term)) rehearsal.link(text)
  await dependOn(rehearsal.linkedTerms().map((linked) => termIdTag(linked.id)))
}

export default async function TermPage({ params }: Args) {
  const { slug } = await params
  const { term, preview } = await readTermForPage(slug)
  if (!term) notFound()
  const linker = await getTermLinker(term.slug)
  if (!preview) await dependOnLinkedTerms(term)

  return (
    <article className="mx-auto max-w-4xl">
      {preview ? <DraftPreviewNotice /> : null}
      {preview ? null : <JsonLd data={termPageStructuredData(term)} />}
      <Breadcrumbs trail={termBreadcrumbs(term)} />
      <DismissiblePreviews />
      <TermHeader term={term} />
      <TermDefinition definition={term.definition} linker={linker} />
      {term.analogy ? <TermAnalogy analogy={term.analogy} /> : null}
      {term.body ? <TermBodySection body={term.body} linker={linker} /> : null}
      <ProviderEquivalents termTitle={term.title} rows={term.providerEquivalents} />
      <TermUseCases useCases={term.useCases} />
      <TermFaqs faqs={term.faqs} />
      <RelatedTerms terms={term.relatedTerms} />
      <SeeAlsoLinks links={term.seeAlso} />
    </article>
  )
}

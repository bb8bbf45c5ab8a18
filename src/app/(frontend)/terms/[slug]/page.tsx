import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { RefreshOnAdminSave } from '@/components/refresh-on-admin-save'
import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { DismissiblePreviews } from '@/components/site/dismissible-previews'
import { JsonLd } from '@/components/site/json-ld'
import { LinkedText } from '@/components/site/linked-text'
import { MatchLevel } from '@/components/site/match-level'
import { ProviderMark } from '@/components/site/provider-mark'
import { CategoryBadge, DifficultyBadge } from '@/components/site/term-badges'
import { TermBody } from '@/components/site/term-body'
import { termBreadcrumbs } from '@/lib/breadcrumbs'
import { termPageMetadata } from '@/lib/page-metadata'
import { getPreviewViewer } from '@/lib/preview'
import { providerPath, termPath } from '@/lib/site-routes'
import { termPageStructuredData } from '@/lib/structured-data'
import type { TermView } from '@/lib/term-view'
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

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
}

export default async function TermPage({ params }: Args) {
  const { slug } = await params
  const { term, preview } = await readTermForPage(slug)
  if (!term) notFound()
  const linker = await getTermLinker(term.slug)
  if (!preview) {
    // The page shows the title and summary of every term its text links to: a rehearsal on a linker
    // of its own finds them before the page renders its text with `linker`.
    const rehearsal = await getTermLinker(term.slug)
    for (const text of linkableTexts(term)) rehearsal.link(text)
    await dependOn(rehearsal.linkedTerms().map((linked) => termIdTag(linked.id)))
  }
  // Columns nobody has filled in yet would only say "not rated" four times.
  const showMatch = term.providerEquivalents.some((row) => row.matchLevel !== null)
  const showNotes = term.providerEquivalents.some((row) => row.note)

  return (
    <article className="mx-auto max-w-4xl">
      {preview ? (
        <p className="mb-4 rounded-lg border border-line bg-accent-soft px-4 py-2 text-ink" role="status">
          Draft preview: you are seeing the latest saved version. <a href="/next/exit-preview">Leave preview</a>
          <RefreshOnAdminSave />
        </p>
      ) : null}
      {preview ? null : <JsonLd data={termPageStructuredData(term)} />}
      <Breadcrumbs trail={termBreadcrumbs(term)} />
      <DismissiblePreviews />

      <header className="mb-6">
        <h1>{term.title}</h1>
        {term.aliases.length > 0 ? <p className="mt-1 text-muted">Also known as {term.aliases.join(', ')}</p> : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {term.category ? <CategoryBadge category={term.category} /> : null}
          <DifficultyBadge level={term.difficulty} />
          <span className="text-sm text-muted">
            Last updated <time dateTime={term.updatedAt}>{formatDate(term.updatedAt)}</time>
          </span>
        </div>
      </header>

      <section aria-labelledby="definition" className="text-lg">
        <h2 id="definition" className="sr-only">
          Definition
        </h2>
        {term.definition.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index} className="mb-3">
            <LinkedText text={paragraph} linker={linker} />
          </p>
        ))}
      </section>

      {term.analogy ? (
        <aside aria-label="Analogy" className="my-6 rounded-xl border-l-4 border-accent bg-accent-soft px-5 py-4">
          <p className="mb-1 text-sm font-semibold tracking-wide text-ink uppercase">In plain words</p>
          <p>{term.analogy}</p>
        </aside>
      ) : null}

      {term.body ? (
        <section aria-label="More about this term" className="my-6">
          <TermBody body={term.body} linker={linker} />
        </section>
      ) : null}

      <section aria-labelledby="providers" className="my-10">
        <h2 id="providers" className="mb-3">
          Provider equivalents
        </h2>
        {term.providerEquivalents.length === 0 ? (
          <p className="text-muted">No provider equivalents are recorded for this term yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line bg-surface">
            <table className="w-full border-collapse text-left sm:min-w-[36rem]">
              <caption className="sr-only">What each cloud provider calls {term.title}</caption>
              <thead className="bg-sunken text-sm">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Provider
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Service
                  </th>
                  {showMatch ? (
                    <th scope="col" className="px-4 py-2">
                      Match
                    </th>
                  ) : null}
                  {showNotes ? (
                    <th scope="col" className="px-4 py-2">
                      Key difference
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {term.providerEquivalents.map((row) => (
                  <tr key={row.provider.slug} className="border-t border-line align-top">
                    <th scope="row" className="px-4 py-3 font-medium">
                      <a
                        href={providerPath(row.provider.slug)}
                        className="flex items-center gap-2 text-ink no-underline hover:underline"
                      >
                        <ProviderMark provider={row.provider} size="sm" />
                        {row.provider.fullName}
                      </a>
                    </th>
                    <td className="px-4 py-3">
                      {row.service === null ? (
                        <em className="text-muted">No equivalent</em>
                      ) : row.docUrl ? (
                        <a href={row.docUrl} rel="noopener">
                          {row.service}
                          <span className="sr-only"> (documentation)</span>
                        </a>
                      ) : (
                        row.service
                      )}
                    </td>
                    {showMatch ? (
                      <td className="px-4 py-3">
                        <MatchLevel level={row.matchLevel} />
                      </td>
                    ) : null}
                    {showNotes ? <td className="px-4 py-3 text-muted">{row.note ?? ''}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {term.useCases.length > 0 ? (
        <section aria-labelledby="use-cases" className="my-10">
          <h2 id="use-cases" className="mb-3">
            Use cases
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {term.useCases.map((useCase) => (
              <li key={useCase.id} className="card">
                <h3 className="mb-2">{useCase.organization}</h3>
                <dl className="space-y-2">
                  <div>
                    <dt className="text-sm font-semibold text-muted">Scenario</dt>
                    <dd>{useCase.scenario}</dd>
                  </div>
                  <div>
                    <dt className="text-sm font-semibold text-muted">Solution</dt>
                    <dd>{useCase.solution}</dd>
                  </div>
                  {useCase.outcome ? (
                    <div>
                      <dt className="text-sm font-semibold text-muted">Outcome</dt>
                      <dd>{useCase.outcome}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {term.faqs.length > 0 ? (
        <section aria-labelledby="faqs" className="my-10">
          <h2 id="faqs" className="mb-3">
            Frequently asked questions
          </h2>
          <div className="divide-y divide-line rounded-xl border border-line bg-surface">
            {term.faqs.map((faq) => (
              <details key={faq.id} className="group px-4 py-3">
                <summary className="cursor-pointer font-semibold marker:text-accent">{faq.question}</summary>
                <div className="prose-term mt-2 text-ink">
                  <RichText data={faq.answer} />
                </div>
              </details>
            ))}
          </div>
        </section>
      ) : null}

      {term.relatedTerms.length > 0 ? (
        <section aria-labelledby="related" className="my-10">
          <h2 id="related" className="mb-3">
            Related terms
          </h2>
          <ul className="flex flex-wrap gap-2">
            {term.relatedTerms.map((related) => (
              <li key={related.slug}>
                <a href={termPath(related.slug)} className="badge min-h-10 px-4 hover:bg-sunken">
                  {related.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {term.seeAlso.length > 0 ? (
        <section aria-labelledby="see-also" className="my-10">
          <h2 id="see-also" className="mb-3">
            See also
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {term.seeAlso.map((link) => (
              <li key={link.href}>
                {link.external ? (
                  <a href={link.href} rel="noopener">
                    {link.label}
                  </a>
                ) : (
                  <a href={link.href}>{link.label}</a>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

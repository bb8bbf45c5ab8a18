import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { RefreshOnAdminSave } from '@/components/refresh-on-admin-save'
import { getPreviewViewer } from '@/lib/preview'
import { getPublishedTermBySlug, getTermPreviewBySlug } from '@/lib/terms'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const term = await getPublishedTermBySlug((await params).slug)
  if (!term) return { title: 'Term not found' }
  return { title: term.title, description: term.definition.split('\n\n')[0] }
}

export default async function TermPage({ params }: Args) {
  const { slug } = await params
  const viewer = await getPreviewViewer()
  const term = viewer ? await getTermPreviewBySlug(slug, viewer) : await getPublishedTermBySlug(slug)
  if (!term) notFound()

  return (
    <article>
      {viewer ? (
        <p className="preview-banner" role="status">
          Draft preview: you are seeing the latest saved version. <a href="/next/exit-preview">Leave preview</a>
          <RefreshOnAdminSave />
        </p>
      ) : null}
      <nav aria-label="Breadcrumb">
        <Link href="/terms">A–Z index</Link> / {term.title}
      </nav>
      <h1>{term.title}</h1>
      <div className="badges">
        {term.category ? <span className="badge">Category: {term.category.name}</span> : null}
        <span className="badge">Difficulty: {term.difficulty}</span>
      </div>
      {term.aliases.length > 0 ? <p>Also known as: {term.aliases.join(', ')}</p> : null}

      <section aria-labelledby="definition">
        <h2 id="definition">Definition</h2>
        {term.definition.split('\n\n').map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {term.analogy ? (
          <aside className="analogy" aria-label="Analogy">
            <p>{term.analogy}</p>
          </aside>
        ) : null}
        {term.body ? <RichText data={term.body} /> : null}
      </section>

      {term.providerEquivalents.length > 0 ? (
        <section aria-labelledby="providers">
          <h2 id="providers">Provider equivalents</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Service</th>
                <th scope="col">Match</th>
                <th scope="col">Key difference</th>
              </tr>
            </thead>
            <tbody>
              {term.providerEquivalents.map((row) => (
                <tr key={row.provider.slug}>
                  <th scope="row">{row.provider.name}</th>
                  <td>
                    {row.service === null ? (
                      <em>No equivalent</em>
                    ) : row.docUrl ? (
                      <a href={row.docUrl}>{row.service}</a>
                    ) : (
                      row.service
                    )}
                  </td>
                  <td>{row.matchLevel ?? '—'}</td>
                  <td>{row.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {term.useCases.length > 0 ? (
        <section aria-labelledby="use-cases">
          <h2 id="use-cases">Use cases</h2>
          {term.useCases.map((useCase) => (
            <div className="use-case" key={useCase.id}>
              <h3>{useCase.organization}</h3>
              <p>
                <strong>Scenario:</strong> {useCase.scenario}
              </p>
              <p>
                <strong>Solution:</strong> {useCase.solution}
              </p>
              {useCase.outcome ? (
                <p>
                  <strong>Outcome:</strong> {useCase.outcome}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      {term.faqs.length > 0 ? (
        <section aria-labelledby="faqs">
          <h2 id="faqs">Frequently asked questions</h2>
          {term.faqs.map((faq) => (
            <details key={faq.id}>
              <summary>{faq.question}</summary>
              <RichText data={faq.answer} />
            </details>
          ))}
        </section>
      ) : null}

      {term.relatedTerms.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">Related terms</h2>
          <ul>
            {term.relatedTerms.map((related) => (
              <li key={related.slug}>
                <Link href={`/terms/${related.slug}`}>{related.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {term.seeAlso.length > 0 ? (
        <section aria-labelledby="see-also">
          <h2 id="see-also">See also</h2>
          <ul>
            {term.seeAlso.map((link) => (
              <li key={link.href}>
                {link.external ? <a href={link.href}>{link.label}</a> : <Link href={link.href}>{link.label}</Link>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p>
        <small>Last updated: {new Date(term.updatedAt).toISOString().slice(0, 10)}</small>
      </p>
    </article>
  )
}

// The admin home for editors: what needs their attention, above Payload's collection cards.
import type { Payload, TypedUser } from 'payload'

import { STAGE_LABELS } from '@/workflow/stages'
import {
  getEditorialDashboard,
  type DashboardItem,
  type ReleaseItem,
  type ScheduledDocumentItem,
} from '@/workflow/dashboard-queries'

type Props = { payload: Payload; user?: TypedUser | null }

function ItemList({ title, items, empty }: { title: string; items: DashboardItem[]; empty: string }) {
  return (
    <section aria-label={title} className="editorial-dashboard__panel">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.collection}-${item.id}`}>
              <a href={`/admin/collections/${item.collection}/${item.id}`}>{item.title}</a>{' '}
              <small>
                ({item.collection}
                {item.stage ? `, ${STAGE_LABELS[item.stage]}` : ''})
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ReleaseList({ title, releases, empty }: { title: string; releases: ReleaseItem[]; empty: string }) {
  return (
    <section aria-label={title} className="editorial-dashboard__panel">
      <h3>{title}</h3>
      {releases.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {releases.map((release) => (
            <li key={release.id}>
              <a href={`/admin/collections/releases/${release.id}`}>{release.name}</a>
              {release.publishAt ? <small> — {new Date(release.publishAt).toUTCString()}</small> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const formatTime = (iso: string) => new Date(iso).toUTCString()

/** Releases and single-document schedules together, soonest first. */
function ScheduledList({ releases, documents }: { releases: ReleaseItem[]; documents: ScheduledDocumentItem[] }) {
  const entries = [
    ...documents.map((item) => ({
      key: `${item.collection}-${item.id}-${item.type}-${item.at}`,
      at: item.at,
      content: (
        <>
          <a href={`/admin/collections/${item.collection}/${item.id}`}>{item.title}</a>{' '}
          <small>
            ({item.collection}) — {item.type} at {formatTime(item.at)}
            {item.scheduledBy ? `, scheduled by ${item.scheduledBy}` : ''}
          </small>
        </>
      ),
    })),
    ...releases.map((release) => ({
      key: `release-${release.id}`,
      at: release.publishAt ?? '',
      content: (
        <>
          <a href={`/admin/collections/releases/${release.id}`}>{release.name}</a>{' '}
          <small>(release) — publish{release.publishAt ? ` at ${formatTime(release.publishAt)}` : ''}</small>
        </>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <section aria-label="Scheduled" className="editorial-dashboard__panel">
      <h3>Scheduled</h3>
      {entries.length === 0 ? (
        <p>Nothing scheduled.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.key}>{entry.content}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

export async function EditorialDashboard({ payload, user }: Props) {
  if (!user) return null
  const dashboard = await getEditorialDashboard(payload, user)
  return (
    <div className="editorial-dashboard">
      <h2>Editorial desk</h2>
      <div
        style={{
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
          marginBottom: '2rem',
        }}
      >
        <ItemList title="My drafts" items={dashboard.myDrafts} empty="No drafts of yours." />
        <ItemList title="Awaiting review" items={dashboard.awaitingMyReview} empty="Nothing waits for review." />
        <ItemList title="Changes requested" items={dashboard.changesRequested} empty="No open change requests." />
        <ScheduledList releases={dashboard.scheduledReleases} documents={dashboard.scheduledDocuments} />
        <ItemList title="Recently published" items={dashboard.recentlyPublished} empty="Nothing published yet." />
        <ReleaseList title="Open releases" releases={dashboard.openReleases} empty="No open releases." />
      </div>
    </div>
  )
}

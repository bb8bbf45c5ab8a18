// What the editorial dashboard shows a signed-in member of staff, read with their own access rights.
// Every read is bounded (a limit, no count of all matches, and a `select` of the fields the desk shows, so
// no document's arrays, relationships or joins are read) and sorted along an index: it costs the same at
// any glossary size.
import type { Payload, TypedUser, Where } from 'payload'

import { hasRole, REVIEWER_ROLES } from '@/access/roles'

import {
  relationIdOf,
  SCHEDULE_PUBLISH_TASK,
  scheduledDocumentOf,
  scheduleTypeOf,
  type ScheduleJob,
} from './scheduled-publish-jobs'
import { REVIEWED_COLLECTIONS, type ReviewedCollection } from './reviewed-collection-slugs'
import type { Stage } from './stages'

export type DashboardItem = {
  collection: ReviewedCollection
  id: string
  title: string
  stage: Stage | null
  updatedAt: string
}

export type ReleaseItem = { id: string; name: string; status: string; publishAt: string | null }

/** One document's pending scheduled publish or unpublish, from Payload's Schedule dialog. */
export type ScheduledDocumentItem = {
  collection: ReviewedCollection
  id: string
  title: string
  type: 'publish' | 'unpublish'
  at: string
  scheduledBy: string | null
}

export type EditorialDashboard = {
  myDrafts: DashboardItem[]
  awaitingMyReview: DashboardItem[]
  changesRequested: DashboardItem[]
  recentlyPublished: DashboardItem[]
  scheduledReleases: ReleaseItem[]
  scheduledDocuments: ScheduledDocumentItem[]
  openReleases: ReleaseItem[]
}

const TITLE_FIELD = { terms: 'title', 'use-cases': 'organization', faqs: 'question' } as const satisfies Record<
  ReviewedCollection,
  string
>
const LIMIT = 10

const TITLE_ONLY = {
  terms: { [TITLE_FIELD.terms]: true },
  'use-cases': { [TITLE_FIELD['use-cases']]: true },
  faqs: { [TITLE_FIELD.faqs]: true },
} as const
/** The fields a desk entry shows: its title, stage and date of change (indexed together with the stage). */
const DESK_ITEM_FIELDS = {
  terms: { ...TITLE_ONLY.terms, workflowStage: true, updatedAt: true },
  'use-cases': { ...TITLE_ONLY['use-cases'], workflowStage: true, updatedAt: true },
  faqs: { ...TITLE_ONLY.faqs, workflowStage: true, updatedAt: true },
} as const

async function findAcross(
  payload: Payload,
  user: TypedUser,
  where: Where,
  sort = '-updatedAt',
): Promise<DashboardItem[]> {
  const results = await Promise.all(
    REVIEWED_COLLECTIONS.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        where,
        sort,
        limit: LIMIT,
        pagination: false,
        depth: 0,
        select: DESK_ITEM_FIELDS[collection],
        draft: true,
        overrideAccess: false,
        user,
      })
      return docs.map((doc) => {
        const record = doc as unknown as Record<string, unknown>
        return {
          collection,
          id: String(doc.id),
          title: String(record[TITLE_FIELD[collection]] ?? doc.id),
          stage: (record.workflowStage as Stage | undefined) ?? null,
          updatedAt: String(doc.updatedAt),
        }
      })
    }),
  )
  return results
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, LIMIT)
}

async function findReleases(payload: Payload, user: TypedUser, status: string): Promise<ReleaseItem[]> {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { status: { equals: status } },
    sort: status === 'scheduled' ? 'publishAt' : '-updatedAt',
    limit: LIMIT,
    pagination: false,
    depth: 0,
    select: { name: true, status: true, publishAt: true },
    overrideAccess: false,
    user,
  })
  return docs.map((release) => ({
    id: String(release.id),
    name: release.name,
    status: release.status ?? 'open',
    publishAt: release.publishAt ?? null,
  }))
}

const isReviewed = (collection: string): collection is ReviewedCollection =>
  (REVIEWED_COLLECTIONS as readonly string[]).includes(collection)

/** Titles of the given documents that `user` may read; a document they may not read is simply absent. */
async function readableTitles(payload: Payload, user: TypedUser, collection: ReviewedCollection, ids: string[]) {
  const { docs } = await payload.find({
    collection,
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 0,
    select: TITLE_ONLY[collection],
    draft: true,
    overrideAccess: false,
    user,
  })
  return new Map(
    docs.map((doc) => [
      String(doc.id),
      String((doc as unknown as Record<string, unknown>)[TITLE_FIELD[collection]] ?? doc.id),
    ]),
  )
}

async function schedulerLabels(payload: Payload, user: TypedUser, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 0,
    select: { email: true },
    overrideAccess: false,
    user,
  })
  return new Map(docs.map((person) => [String(person.id), person.email]))
}

/**
 * Pending single-document schedules. No API may read the jobs collection, so the jobs are read as the
 * server; what the viewer then sees of them (the document, who scheduled it) is read with their rights.
 */
async function findScheduledDocuments(payload: Payload, user: TypedUser): Promise<ScheduledDocumentItem[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { waitUntil: { exists: true } },
      ],
    },
    sort: 'waitUntil',
    limit: 100,
    pagination: false,
    depth: 0,
    select: { taskSlug: true, input: true, waitUntil: true },
    overrideAccess: true,
  })
  const pending = (docs as unknown as ScheduleJob[]).flatMap((job) => {
    const target = scheduledDocumentOf(job)
    return target && isReviewed(target.collection) ? [{ job, collection: target.collection, id: target.id }] : []
  })

  const titles = new Map<ReviewedCollection, Map<string, string>>()
  for (const collection of REVIEWED_COLLECTIONS) {
    const ids = [...new Set(pending.filter((item) => item.collection === collection).map((item) => item.id))]
    if (ids.length > 0) titles.set(collection, await readableTitles(payload, user, collection, ids))
  }
  const schedulerIds = [
    ...new Set(pending.flatMap(({ job }) => (job.input?.user ? [relationIdOf(job.input.user)] : []))),
  ]
  const schedulers = await schedulerLabels(payload, user, schedulerIds)

  return pending
    .flatMap(({ job, collection, id }) => {
      const title = titles.get(collection)?.get(id)
      if (title === undefined) return []
      const schedulerId = job.input?.user ? relationIdOf(job.input.user) : null
      return [
        {
          collection,
          id,
          title,
          type: scheduleTypeOf(job),
          at: String(job.waitUntil),
          scheduledBy: schedulerId ? (schedulers.get(schedulerId) ?? null) : null,
        },
      ]
    })
    .slice(0, LIMIT)
}

export async function getEditorialDashboard(payload: Payload, user: TypedUser): Promise<EditorialDashboard> {
  const mine: Where = { or: [{ createdBy: { equals: user.id } }, { assignee: { equals: user.id } }] }
  // Reviewers and up see everything waiting for review; authors only what is assigned to them.
  const reviewScope: Where = hasRole(user, ...REVIEWER_ROLES)
    ? { workflowStage: { equals: 'in_review' } }
    : { and: [{ workflowStage: { equals: 'in_review' } }, { assignee: { equals: user.id } }] }
  const [
    myDrafts,
    awaitingMyReview,
    changesRequested,
    recentlyPublished,
    scheduledReleases,
    scheduledDocuments,
    openReleases,
  ] = await Promise.all([
    findAcross(payload, user, { and: [mine, { workflowStage: { in: ['draft', 'changes_requested'] } }] }),
    findAcross(payload, user, reviewScope),
    findAcross(payload, user, { workflowStage: { equals: 'changes_requested' } }),
    findAcross(payload, user, { workflowStage: { equals: 'published' } }),
    findReleases(payload, user, 'scheduled'),
    findScheduledDocuments(payload, user),
    findReleases(payload, user, 'open'),
  ])
  return {
    myDrafts,
    awaitingMyReview,
    changesRequested,
    recentlyPublished,
    scheduledReleases,
    scheduledDocuments,
    openReleases,
  }
}

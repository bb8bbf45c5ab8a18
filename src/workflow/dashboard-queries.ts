// What the editorial dashboard shows a signed-in member of staff, read with their own access rights.
import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '@/access/roles'

import type { Stage } from './stages'

export const REVIEWED_COLLECTIONS = ['terms', 'use-cases', 'faqs'] as const
export type ReviewedCollection = (typeof REVIEWED_COLLECTIONS)[number]

export type DashboardItem = {
  collection: ReviewedCollection
  id: string
  title: string
  stage: Stage | null
  updatedAt: string
}

export type ReleaseItem = { id: string; name: string; status: string; publishAt: string | null }

export type EditorialDashboard = {
  myDrafts: DashboardItem[]
  awaitingMyReview: DashboardItem[]
  changesRequested: DashboardItem[]
  recentlyPublished: DashboardItem[]
  scheduledReleases: ReleaseItem[]
  openReleases: ReleaseItem[]
}

const TITLE_FIELD: Record<ReviewedCollection, string> = { terms: 'title', 'use-cases': 'organization', faqs: 'question' }
const LIMIT = 10

async function findAcross(payload: Payload, user: TypedUser, where: Where, sort = '-updatedAt'): Promise<DashboardItem[]> {
  const results = await Promise.all(
    REVIEWED_COLLECTIONS.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        where,
        sort,
        limit: LIMIT,
        depth: 0,
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
    depth: 0,
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

export async function getEditorialDashboard(payload: Payload, user: TypedUser): Promise<EditorialDashboard> {
  const mine: Where = { or: [{ createdBy: { equals: user.id } }, { assignee: { equals: user.id } }] }
  // Reviewers and up see everything waiting for review; authors only what is assigned to them.
  const reviewScope: Where = hasRole(user, 'reviewer', 'editor', 'admin')
    ? { workflowStage: { equals: 'in_review' } }
    : { and: [{ workflowStage: { equals: 'in_review' } }, { assignee: { equals: user.id } }] }
  const [myDrafts, awaitingMyReview, changesRequested, recentlyPublished, scheduledReleases, openReleases] =
    await Promise.all([
      findAcross(payload, user, { and: [mine, { workflowStage: { in: ['draft', 'changes_requested'] } }] }),
      findAcross(payload, user, reviewScope),
      findAcross(payload, user, { workflowStage: { equals: 'changes_requested' } }),
      findAcross(payload, user, { workflowStage: { equals: 'published' } }),
      findReleases(payload, user, 'scheduled'),
      findReleases(payload, user, 'open'),
    ])
  return { myDrafts, awaitingMyReview, changesRequested, recentlyPublished, scheduledReleases, openReleases }
}

// The admin home's editorial desk: each person sees what needs them, within their own access.
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Category, Term, User } from '@/payload-types'
import { getEditorialDashboard } from '@/workflow/dashboard-queries'

import {
  createApprovedTerm,
  createDraftTerm,
  createStaffUser,
  createStaffUsers,
  getTestPayload,
  moveTermTo,
  queueSchedule,
  updateDraftTerm,
} from './support/harness'
import { readsOf, recordSqlStatements } from './support/sql-statements'

let payload: Payload
let author: User
let otherAuthor: User
let reviewer: User
let editor: User
let category: Category
let scheduledTerm: Term
let publishAt: Date

const draftBy = (user: User, title: string) => createDraftTerm(payload, user, { title, category })

const titles = (items: { title: string }[]) => items.map((item) => item.title).sort()

const approvedTerm = (title: string) => createApprovedTerm(payload, { author, reviewer }, { title, category })

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  otherAuthor = await createStaffUser(payload, 'author')
  category = await payload.create({ collection: 'categories', data: { name: 'Desk', slug: 'desk' } })

  await draftBy(author, 'Own Draft')
  await draftBy(otherAuthor, 'Someone Else Draft')
  await moveTermTo(payload, await draftBy(author, 'Submitted Term'), 'in_review', author)
  const bounced = await draftBy(author, 'Bounced Term')
  await moveTermTo(payload, bounced, 'in_review', author)
  await updateDraftTerm(
    payload,
    bounced,
    { workflowStage: 'changes_requested', transitionNote: 'Shorter, please.' },
    reviewer,
  )
  await payload.create({
    collection: 'releases',
    data: { name: 'Friday launch', publishAt: new Date(Date.now() + 86_400_000).toISOString() },
    user: editor,
  })

  scheduledTerm = await approvedTerm('Scheduled Desk Term')
  publishAt = new Date(Date.now() + 2 * 86_400_000)
  await queueSchedule(payload, scheduledTerm, 'publish', editor, publishAt)
  await queueSchedule(payload, scheduledTerm, 'unpublish', editor, new Date(publishAt.getTime() + 86_400_000))
  // A schedule that already failed is not pending any more.
  const failed = await approvedTerm('Failed Schedule Term')
  await queueSchedule(payload, failed, 'publish', author, new Date(Date.now() - 1000))
  await payload.jobs.run()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the editorial desk', () => {
  it('shows an author their own drafts and change requests, not other people’s drafts', async () => {
    const desk = await getEditorialDashboard(payload, { ...author, collection: 'users' })
    expect(titles(desk.myDrafts)).toEqual(['Bounced Term', 'Own Draft'])
    expect(titles(desk.changesRequested)).toEqual(['Bounced Term'])
    expect(desk.awaitingMyReview).toEqual([])
  })

  it('shows a reviewer everything awaiting review', async () => {
    const desk = await getEditorialDashboard(payload, { ...reviewer, collection: 'users' })
    expect(titles(desk.awaitingMyReview)).toEqual(['Submitted Term'])
  })

  it('shows scheduled releases', async () => {
    const desk = await getEditorialDashboard(payload, { ...editor, collection: 'users' })
    expect(desk.scheduledReleases.map((release) => release.name)).toEqual(['Friday launch'])
  })

  it('shows pending single-document schedules, soonest first, with what, when and who scheduled them', async () => {
    const desk = await getEditorialDashboard(payload, { ...reviewer, collection: 'users' })
    expect(desk.scheduledDocuments).toEqual([
      {
        collection: 'terms',
        id: String(scheduledTerm.id),
        title: 'Scheduled Desk Term',
        type: 'publish',
        at: publishAt.toISOString(),
        scheduledBy: editor.email,
      },
      expect.objectContaining({ title: 'Scheduled Desk Term', type: 'unpublish', scheduledBy: editor.email }),
    ])
  })

  it('drops a schedule once it is removed', async () => {
    const term = await approvedTerm('Briefly Scheduled Term')
    const job = await queueSchedule(payload, term, 'publish', editor, new Date(Date.now() + 86_400_000))
    const before = await getEditorialDashboard(payload, { ...editor, collection: 'users' })
    expect(titles(before.scheduledDocuments)).toContain('Briefly Scheduled Term')

    await payload.delete({ collection: 'payload-jobs', id: job.id })
    const after = await getEditorialDashboard(payload, { ...editor, collection: 'users' })
    expect(titles(after.scheduledDocuments)).not.toContain('Briefly Scheduled Term')
  })

  it('names documents only through the viewer’s own read access', async () => {
    const readTerms = vi.spyOn(payload, 'find')
    await getEditorialDashboard(payload, { ...author, collection: 'users' })
    const termReads = readTerms.mock.calls
      .map(([options]) => options)
      .filter((options) => options.collection === 'terms')
    expect(termReads.length).toBeGreaterThan(0)
    expect(termReads.every((options) => options.overrideAccess === false && options.user?.id === author.id)).toBe(true)
  })

  it('reads only what it shows: no document content, arrays or relationships, and no count of all matches', async () => {
    const { statements } = await recordSqlStatements(payload, () =>
      getEditorialDashboard(payload, { ...editor, collection: 'users' }),
    )
    const reviewedReads = ['_terms_v', '_use_cases_v', '_faqs_v'].flatMap((table) => readsOf(statements, table))
    // Four lists read each of the three collections; the scheduled term's title is read once more.
    expect(reviewedReads.length).toBeGreaterThanOrEqual(12)
    for (const statement of statements) expect(statement).not.toContain('json_group_array')
    for (const statement of reviewedReads)
      expect(statement).not.toMatch(/"version_(definition|answer|scenario|solution)"/)
    expect(statements.filter((statement) => statement.startsWith('select count('))).toEqual([])
  })
})

// The admin home's editorial desk: each person sees what needs them, within their own access.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, User } from '@/payload-types'
import { getEditorialDashboard } from '@/workflow/dashboard-queries'

import { createStaffUser, getTestPayload } from './helpers/payload'

let payload: Payload
let author: User
let otherAuthor: User
let reviewer: User
let editor: User
let category: Category

async function draftBy(user: User, title: string) {
  return payload.create({
    collection: 'terms',
    data: { title, definition: `${title}.`, category: category.id, difficulty: 'beginner' },
    draft: true,
    user,
  })
}

const titles = (items: { title: string }[]) => items.map((item) => item.title).sort()

beforeAll(async () => {
  payload = await getTestPayload()
  await createStaffUser(payload, 'admin')
  editor = await createStaffUser(payload, 'editor')
  reviewer = await createStaffUser(payload, 'reviewer')
  author = await createStaffUser(payload, 'author')
  otherAuthor = await createStaffUser(payload, 'author')
  category = await payload.create({ collection: 'categories', data: { name: 'Desk', slug: 'desk' } })

  await draftBy(author, 'Own Draft')
  await draftBy(otherAuthor, 'Someone Else Draft')
  const submitted = await draftBy(author, 'Submitted Term')
  await payload.update({ collection: 'terms', id: submitted.id, data: { workflowStage: 'in_review' }, draft: true, user: author })
  const bounced = await draftBy(author, 'Bounced Term')
  await payload.update({ collection: 'terms', id: bounced.id, data: { workflowStage: 'in_review' }, draft: true, user: author })
  await payload.update({
    collection: 'terms',
    id: bounced.id,
    data: { workflowStage: 'changes_requested', transitionNote: 'Shorter, please.' },
    draft: true,
    user: reviewer,
  })
  await payload.create({
    collection: 'releases',
    data: { name: 'Friday launch', publishAt: new Date(Date.now() + 86_400_000).toISOString() },
    user: editor,
  })
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
})

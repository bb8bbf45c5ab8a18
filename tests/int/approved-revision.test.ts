// Releases and scheduled publishes publish what a reviewer approved: the approval records the document’s
// revision, and a document changed after its approval is refused with the reason, whoever runs the
// release or schedule, also when the edit races the publish.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term, User } from '@/payload-types'
import { publishRelease } from '@/workflow/publish-release'

import { callGraphql, callRest, tokenFor } from './support/api-routes'
import {
  as,
  createApprovedTerm,
  createRelease,
  createStaffUsers,
  getTestPayload,
  queueSchedule,
  updateDraftTerm,
} from './support/harness'

let payload: Payload
let admin: User
let editor: User
let reviewer: User
let author: User
let category: Category
let termCounter = 0

const RELEASE_RACE_ROUNDS = 20

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

const approvedWording = (title: string) => `${title}, as the reviewer approved it.`

/** A term written by an author, submitted, and approved by a reviewer: revision 3, approved at 3. */
const approvedTerm = (title = `Approved Term ${++termCounter}`) =>
  createApprovedTerm(payload, { author, reviewer }, { title, category, definition: approvedWording(title) })

const editContent = (term: Term, by: User, definition: string) => updateDraftTerm(payload, term, { definition }, by)

const latest = (term: Term) => payload.findByID({ collection: 'terms', id: term.id, draft: true, depth: 0 })
/** What readers see: null while the term is not published. */
const published = async (term: Term) =>
  (await payload.find({ collection: 'terms', where: { id: { equals: term.id } }, depth: 0, overrideAccess: false }))
    .docs[0] ?? null

const releaseOf = (terms: Term[], name = `Release ${++termCounter}`) =>
  createRelease(payload, editor, { name, documents: terms.map((term) => ({ relationTo: 'terms', value: term.id })) })

const changedAfterApproval = (term: Term, approvedAt: number, now: number) =>
  `terms ${term.id} (${term.title}): changed after approval (approved at revision ${approvedAt}, now ${now}); review it again`

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ admin, editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
})

describe('the approved revision', () => {
  it('is the revision of the approval write, and a release publishes the approved content', async () => {
    const term = await approvedTerm()
    expect([term.workflowStage, term.revision, term.approvedRevision]).toEqual(['approved', 3, 3])
    const release = await releaseOf([term])
    expect(await publishRelease(payload, release.id, editor)).toEqual({ published: true, count: 1 })
    const live = await published(term)
    expect(live?.definition).toBe(approvedWording(term.title))
    expect((await latest(term)).workflowStage).toBe('published')
  })

  it('moves along with saves that change no content, so the release still publishes', async () => {
    const term = await approvedTerm()
    await updateDraftTerm(payload, term, { transitionNote: 'Checked the sources too.' }, reviewer)
    const reassigned = await updateDraftTerm(payload, term, { assignee: reviewer.id }, editor)
    expect([reassigned.workflowStage, reassigned.revision, reassigned.approvedRevision]).toEqual(['approved', 5, 5])
    const release = await releaseOf([term])
    expect(await publishRelease(payload, release.id, editor)).toEqual({ published: true, count: 1 })
    expect((await published(term))?.definition).toBe(approvedWording(term.title))
  })

  it('does not count a stage move as a change: a term sent back to review unedited is refused as not approved', async () => {
    const term = await approvedTerm()
    const backInReview = await updateDraftTerm(payload, term, { workflowStage: 'in_review' }, reviewer)
    expect([backInReview.revision, backInReview.approvedRevision]).toEqual([4, 4])
    const outcome = await publishRelease(payload, (await releaseOf([term])).id, admin)
    expect(outcome).toEqual({
      published: false,
      reason: `terms ${term.id} (${term.title}): Only approved content can be published (this is "In review"); releases and scheduled publishes never override that`,
    })
    expect(await published(term)).toBeNull()
  })
})

describe('a release of a document changed after approval', () => {
  for (const releaser of ['editor', 'admin'] as const) {
    it(`is refused for an ${releaser}, says why, publishes nothing and is in the audit log`, async () => {
      const untouched = await approvedTerm()
      const edited = await approvedTerm()
      await editContent(edited, editor, 'Reworded after the approval.')
      const release = await releaseOf([untouched, edited])

      const outcome = await publishRelease(payload, release.id, releaser === 'admin' ? admin : editor)

      const reason = changedAfterApproval(edited, 3, 4)
      expect(outcome).toEqual({ published: false, reason })
      expect([await published(untouched), await published(edited)]).toEqual([null, null])
      const stored = await payload.findByID({ collection: 'releases', id: release.id, depth: 0 })
      expect([stored.status, stored.failureReason]).toEqual(['failed', reason])
      const { docs: entries } = await payload.find({
        collection: 'audit-log',
        where: { and: [{ action: { equals: 'release' } }, { targetId: { equals: String(release.id) } }] },
        depth: 0,
      })
      expect(entries.map((entry) => entry.note)).toEqual([`Not published: ${reason}`])
      // An admin who means to publish the edit does it on the document, where it is recorded as an override.
      expect((await latest(edited)).reviewThread?.some((entry) => entry.kind === 'override')).toBe(false)
    })
  }

  it('is published once a reviewer approves the edit', async () => {
    const term = await approvedTerm()
    await editContent(term, editor, 'Reworded, then approved again.')
    const reapproved = await updateDraftTerm(payload, term, { workflowStage: 'approved' }, reviewer)
    expect(reapproved.approvedRevision).toBe(5)
    expect(await publishRelease(payload, (await releaseOf([term])).id, editor)).toEqual({ published: true, count: 1 })
    expect((await published(term))?.definition).toBe('Reworded, then approved again.')
  })
})

describe('a scheduled publish', () => {
  /** Jobs are Payload’s own collection, outside the generated types; the runner deletes those that completed. */
  async function findJob(id: string | number): Promise<Record<string, unknown>> {
    const job = await payload.db.findOne({ collection: 'payload-jobs', where: { id: { equals: id } } })
    if (!job) throw new Error(`job ${id} not found`)
    return job as Record<string, unknown>
  }

  const scheduleNow = (term: Term, by: User) => queueSchedule(payload, term, 'publish', by, new Date(Date.now() - 1000))

  it('publishes an approved term unchanged since, and refuses one changed after approval, even for an admin', async () => {
    const [unchanged, edited] = [await approvedTerm(), await approvedTerm()]
    await editContent(edited, editor, 'Reworded after the approval.')
    await scheduleNow(unchanged, admin)
    const editedJob = await scheduleNow(edited, admin)

    await payload.jobs.run()

    expect((await published(unchanged))?.definition).toBe(approvedWording(unchanged.title))
    expect(await published(edited)).toBeNull()
    const failed = await findJob(editedJob.id)
    expect(failed.hasError).toBe(true)
    expect(JSON.stringify(failed)).toContain(changedAfterApproval(edited, 3, 4))
  })
})

describe('clients', () => {
  it('cannot set the approved revision through the Local API, REST or GraphQL, whatever their role', async () => {
    const term = await approvedTerm()
    // An edit that claims its own revision as approved would otherwise pass for approved content.
    const edited = await updateDraftTerm(
      payload,
      term,
      { definition: 'Edited, and claiming approval.', approvedRevision: 4 },
      admin,
    )
    expect([edited.workflowStage, edited.revision, edited.approvedRevision]).toEqual(['in_review', 4, 3])

    const token = await tokenFor(payload, admin)
    const rest = await callRest('PATCH', `/api/terms/${term.id}?draft=true`, {
      token,
      body: { definition: 'Over REST.', approvedRevision: 5 },
    })
    expect(rest.status).toBe(200)
    const mutation = `mutation { updateTerm(id: "${term.id}", data: { definition: "Over GraphQL.", approvedRevision: 6 }, draft: true) { revision } }`
    const graphql = await callGraphql(mutation, {}, { token })
    expect(graphql.json.data).toEqual({ updateTerm: { revision: 6 } })

    expect((await latest(term)).approvedRevision).toBe(3)
    const outcome = await publishRelease(payload, (await releaseOf([term])).id, admin)
    expect(outcome).toEqual({ published: false, reason: changedAfterApproval(term, 3, 6) })
  })

  it('are not shown the approved revision unless they are staff', async () => {
    const term = await approvedTerm()
    await publishRelease(payload, (await releaseOf([term])).id, editor)
    const anonymous = await callRest('GET', `/api/terms/${term.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json).not.toHaveProperty('approvedRevision')
    expect(await payload.findByID({ collection: 'terms', id: term.id, depth: 0, ...as(author) })).toHaveProperty(
      'approvedRevision',
      4,
    )
  })
})

describe('a release racing an edit', () => {
  it(`publishes the approved content or nothing, ${RELEASE_RACE_ROUNDS} times over`, async () => {
    let unapprovedPublished = 0
    const outcomes: Record<'published' | 'refusedAsChanged', number> = { published: 0, refusedAsChanged: 0 }
    for (let round = 0; round < RELEASE_RACE_ROUNDS; round += 1) {
      const term = await approvedTerm(`Raced Term ${round}`)
      const releaseDoc = await releaseOf([term])
      // Admins too: an admin may override the workflow on a document, never through a release.
      const releaser = Math.floor(round / 2) % 2 === 0 ? editor : admin
      const unapproved = `Round ${round}: reworded while the release ran.`
      // Both start together and neither waits for the other. Started in the same tick, the edit reaches the
      // database first; let go a few milliseconds later, it arrives while the release is under way.
      const editLater = round % 2 === 1
      const [outcome] = await Promise.all([
        publishRelease(payload, releaseDoc.id, releaser),
        editLater
          ? pause(round).then(() => editContent(term, editor, unapproved))
          : editContent(term, editor, unapproved),
      ])

      const live = await published(term)
      if (live && live.definition !== approvedWording(term.title)) unapprovedPublished += 1
      if (outcome.published) {
        expect(live?.definition).toBe(approvedWording(term.title))
        outcomes.published += 1
      } else {
        expect(outcome.reason).toBe(changedAfterApproval(term, 3, 4))
        expect(live).toBeNull()
        outcomes.refusedAsChanged += 1
      }
      expect((await latest(term)).definition).toBe(unapproved)
    }
    process.stdout.write(
      `release races tried: ${RELEASE_RACE_ROUNDS}, unapproved content published: ${unapprovedPublished} ` +
        `(published before the edit: ${outcomes.published}, refused as changed after approval: ${outcomes.refusedAsChanged})\n`,
    )
    expect(unapprovedPublished).toBe(0)
    expect(outcomes.published + outcomes.refusedAsChanged).toBe(RELEASE_RACE_ROUNDS)
  })
})

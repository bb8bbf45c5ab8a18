// The workflow authorization matrix (part of the hostile-input suite): per role, every stage transition,
// every change of live status and every delete, through REST (single and bulk `?where=`), GraphQL and the
// Local API with access control on. Expected answers for stage moves come from the workflow rules
// themselves (decideTransition); a refusal must leave the live document and its latest draft as they were.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category } from '@/payload-types'
import { AUTHOR_EDITABLE_STAGES, STAGES, type Stage } from '@/workflow/stages'
import { decideTransition } from '@/workflow/transitions'

import { callRest } from './support/api-routes'
import { getTestPayload } from './support/harness'
import { createInState, type DocumentState, type ReviewedSpec, snapshotOf } from './support/reviewed-documents'
import {
  ACTORS,
  type Actor,
  attemptDelete as deleteThrough,
  attemptUpdate as attemptOn,
  type Cast,
  type Door,
  DOORS,
  expectRefusal,
  type Outcome,
  readableByAnonymous,
  roleOf,
  signInCast,
  type Write,
} from './support/workflow-doors'

const NOTE = 'Please add an example.'
const UNPUBLISH_REFUSAL = /only editors and admins/i

let payload: Payload
let category: Category
let cast: Cast

const TERMS: ReviewedSpec = {
  slug: 'terms',
  graphqlName: 'Term',
  content: (unique) => ({
    title: `Matrix ${unique}`,
    definition: `Matrix ${unique} explained.`,
    category: category.id,
    difficulty: 'beginner',
  }),
  editableField: 'definition',
}

let counter = 0
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`
const create = (spec: ReviewedSpec, state: DocumentState) =>
  createInState(payload, spec, state, cast.users['author-owner'], unique())
const attemptUpdate = (spec: ReviewedSpec, id: string, actor: Actor, door: Door, write: Write) =>
  attemptOn(cast, spec, id, actor, door, write)
const attemptDelete = (spec: ReviewedSpec, id: string, actor: Actor, door: Door) =>
  deleteThrough(cast, spec, id, actor, door)

beforeAll(async () => {
  payload = await getTestPayload()
  cast = await signInCast(payload)
  category = await payload.create({ collection: 'categories', data: { name: 'Matrix', slug: 'matrix' } })
})

/** The write a client (or the admin) sends to move a document to a stage. */
function writeFor(to: Stage): Write {
  if (to === 'published') return { data: { _status: 'published' }, draft: false }
  if (to === 'unpublished') return { data: { workflowStage: 'unpublished' }, draft: false }
  return { data: { workflowStage: to, ...(to === 'changes_requested' ? { transitionNote: NOTE } : {}) }, draft: true }
}

function mayMove(actor: Actor, from: Stage, to: Stage): boolean {
  const role = roleOf(actor)
  if (!role) return false
  const ownsDocument = actor === 'author-owner'
  // Authors edit only their own documents, and not while the review has them.
  if (role === 'author' && (!ownsDocument || !AUTHOR_EDITABLE_STAGES.includes(from))) return false
  return decideTransition({ from, to, role, ownsDocument, note: NOTE }).allowed
}

/** Every stage move some role may make, overrides included, as the workflow rules define them. */
const MOVES = STAGES.flatMap((from) =>
  STAGES.filter((to) => to !== from && ACTORS.some((actor) => mayMove(actor, from, to))).map((to) => ({ from, to })),
)

/**
 * A refused write changes nothing (each test checks that), so the refusals of one row share a document;
 * an allowed write gets a fresh one.
 */
const refusalTargets = new Map<string, Promise<string>>()
function targetFor(spec: ReviewedSpec, row: string, state: DocumentState, allowed: boolean): Promise<string> {
  if (allowed) return create(spec, state)
  const key = `${spec.slug}:${row}`
  if (!refusalTargets.has(key)) refusalTargets.set(key, create(spec, state))
  return refusalTargets.get(key)!
}

/** Checks a refused write: the right answer, the live document and its latest draft as they were. */
async function expectUnchanged(
  spec: ReviewedSpec,
  id: string,
  before: unknown,
  outcome: Outcome,
  door: Door,
  message?: RegExp,
) {
  expectRefusal(outcome, door, message)
  expect(await snapshotOf(payload, spec, id)).toEqual(before)
  if ((before as { live: { status: unknown } }).live.status === 'published')
    expect(await readableByAnonymous(spec, id)).toBe(true)
}

describe('stage moves', () => {
  for (const { from, to } of MOVES) {
    for (const actor of ACTORS) {
      const allowed = mayMove(actor, from, to)
      for (const door of DOORS) {
        it(`${allowed ? 'lets' : 'refuses'} ${actor} move ${from} → ${to} by ${door}`, async () => {
          const id = await targetFor(TERMS, `${from}→${to}`, from, allowed)
          const before = await snapshotOf(payload, TERMS, id)
          const outcome = await attemptUpdate(TERMS, id, actor, door, writeFor(to))
          if (!allowed) return expectUnchanged(TERMS, id, before, outcome, door)
          expect(outcome).toMatchObject({ succeeded: true })
          const after = await snapshotOf(payload, TERMS, id)
          expect(after?.latest.stage).toBe(to)
          // Only a publish puts a document online and only an unpublish takes it off; a new draft of a live
          // document leaves the live version up.
          const liveAfter = to === 'published' || (from === 'published' && to !== 'unpublished')
          expect(after?.live.status).toBe(liveAfter ? 'published' : 'draft')
          expect(await readableByAnonymous(TERMS, id)).toBe(liveAfter)
        })
      }
    }
  }
})

const PUBLISHERS: Actor[] = ['editor', 'admin']
const EDITORS_OF_LIVE: Actor[] = ['author-owner', 'reviewer', 'editor', 'admin']

type LiveRow = {
  name: string
  state: DocumentState
  write: Write
  allowed: Actor[]
  takesOffline: boolean
  /** The doors the row is about, when Payload treats them differently; all by default. */
  doors?: Door[]
  /** What a refusal says to those the workflow answers (after access let them at the document). */
  refusal?: { actors: Actor[]; message: RegExp }
}

const UNPUBLISH_ANSWER = { actors: ['author-owner', 'reviewer'] as Actor[], message: UNPUBLISH_REFUSAL }

/** Writes to a live document: those that would take it off the site are unpublishes, whatever they ask for. */
const LIVE_ROWS: LiveRow[] = [
  {
    name: '_status: draft',
    state: 'published',
    write: { data: { _status: 'draft' }, draft: false },
    allowed: PUBLISHERS,
    takesOffline: true,
    refusal: UNPUBLISH_ANSWER,
  },
  {
    name: '_status: draft with workflowStage: draft',
    state: 'published',
    write: { data: { _status: 'draft', workflowStage: 'draft' }, draft: false },
    allowed: PUBLISHERS,
    takesOffline: true,
    refusal: UNPUBLISH_ANSWER,
  },
  {
    name: '_status: draft with workflowStage: in_review',
    state: 'published',
    write: { data: { _status: 'draft', workflowStage: 'in_review' }, draft: false },
    allowed: PUBLISHERS,
    takesOffline: true,
    refusal: UNPUBLISH_ANSWER,
  },
  {
    name: '_status: draft with workflowStage: draft, over a newer draft',
    state: 'published-with-newer-draft',
    write: { data: { _status: 'draft', workflowStage: 'draft' }, draft: false },
    allowed: PUBLISHERS,
    takesOffline: true,
    refusal: UNPUBLISH_ANSWER,
  },
  {
    // Payload takes the newer draft as the original of a save outside draft mode, and stores it as the document.
    name: 'an edit outside draft mode, over a newer draft',
    state: 'published-with-newer-draft',
    write: { data: { definition: 'Saved without draft mode.' }, draft: false },
    allowed: PUBLISHERS,
    takesOffline: true,
    refusal: UNPUBLISH_ANSWER,
    doors: ['REST', 'GraphQL', 'Local API'],
  },
  {
    // A bulk update outside draft mode starts from the stored document instead: it edits live content,
    // which only an admin may do without approval.
    name: 'an edit outside draft mode, over a newer draft, in bulk',
    state: 'published-with-newer-draft',
    write: { data: { definition: 'Saved without draft mode.' }, draft: false },
    allowed: ['admin'],
    takesOffline: false,
    refusal: { actors: ['author-owner', 'reviewer', 'editor'], message: /only approved content can be published/i },
    doors: ['REST bulk'],
  },
  {
    name: 'a draft save with _status: draft and workflowStage: draft',
    state: 'published',
    write: { data: { _status: 'draft', workflowStage: 'draft', definition: 'A new draft.' }, draft: true },
    allowed: EDITORS_OF_LIVE,
    takesOffline: false,
  },
  {
    name: 'a draft save over a newer draft',
    state: 'published-with-newer-draft',
    write: { data: { definition: 'A newer draft still.' }, draft: true },
    allowed: EDITORS_OF_LIVE,
    takesOffline: false,
  },
]

describe('writes to a live document', () => {
  for (const row of LIVE_ROWS) {
    for (const actor of ACTORS) {
      const allowed = row.allowed.includes(actor)
      for (const door of row.doors ?? DOORS) {
        it(`${allowed ? 'lets' : 'refuses'} ${actor} send ${row.name} by ${door}`, async () => {
          const id = await targetFor(TERMS, row.name, row.state, allowed)
          const before = await snapshotOf(payload, TERMS, id)
          const outcome = await attemptUpdate(TERMS, id, actor, door, row.write)
          const explained = row.refusal?.actors.includes(actor) ? row.refusal.message : undefined
          if (!allowed) return expectUnchanged(TERMS, id, before, outcome, door, explained)
          expect(outcome).toMatchObject({ succeeded: true })
          const after = await snapshotOf(payload, TERMS, id)
          expect(after?.live.status).toBe(row.takesOffline ? 'draft' : 'published')
          expect(after?.latest.stage).toBe(row.takesOffline ? 'unpublished' : row.write.draft ? 'draft' : 'published')
          expect(await readableByAnonymous(TERMS, id)).toBe(!row.takesOffline)
        })
      }
    }
  }
})

describe('a bulk write over every published term', () => {
  for (const actor of ['author-owner', 'reviewer'] as const) {
    it(`leaves the site as it is when ${actor} sends _status: draft to all of them`, async () => {
      const ids = await Promise.all([create(TERMS, 'published'), create(TERMS, 'published-with-newer-draft')])
      const { status, json } = await callRest('PATCH', '/api/terms?where[_status][equals]=published', {
        token: cast.tokens[actor],
        body: { _status: 'draft', workflowStage: 'draft' },
      })
      // All or nothing (src/concurrency/all-or-nothing-bulk-writes.ts): one refusal naming each document's reason.
      expect(status).toBe(400)
      const [refusal] = json.errors as { data: { errors: { message: string }[] } }[]
      expect(refusal!.data.errors.length).toBeGreaterThanOrEqual(ids.length)
      for (const error of refusal!.data.errors) expect(error.message).toMatch(UNPUBLISH_REFUSAL)
      for (const id of ids) expect(await readableByAnonymous(TERMS, id)).toBe(true)
    })
  }
})

/** Deleting: never-published drafts by their owner; anything readers have seen, by editors and admins only. */
const DELETE_ROWS: { state: DocumentState; allowed: Actor[] }[] = [
  { state: 'draft', allowed: ['author-owner', 'editor', 'admin'] },
  { state: 'published', allowed: PUBLISHERS },
  { state: 'unpublished', allowed: PUBLISHERS },
  { state: 'reopened-after-publishing', allowed: PUBLISHERS },
]

describe('deletes', () => {
  for (const { state, allowed: allowedActors } of DELETE_ROWS) {
    for (const actor of ACTORS) {
      const allowed = allowedActors.includes(actor)
      for (const door of DOORS) {
        it(`${allowed ? 'lets' : 'refuses'} ${actor} delete a term that is ${state} by ${door}`, async () => {
          const id = await targetFor(TERMS, `delete ${state}`, state, allowed)
          const before = await snapshotOf(payload, TERMS, id)
          const outcome = await attemptDelete(TERMS, id, actor, door)
          const explained =
            actor === 'author-owner' && state !== 'published' ? /only editors and admins can delete/i : undefined
          if (!allowed) return expectUnchanged(TERMS, id, before, outcome, door, explained)
          expect(outcome).toMatchObject({ succeeded: true })
          expect(await snapshotOf(payload, TERMS, id)).toBeNull()
        })
      }
    }
  }
})

// Every stage pair for every role, against a table written out by hand: what the workflow allows.
import { describe, expect, it } from 'vitest'

import { ROLES, type Role } from '@/access/roles'
import { STAGES, type Stage } from '@/workflow/stages'
import { decideTransition } from '@/workflow/transitions'

type Who = 'author (own)' | 'author (other)' | 'reviewer' | 'editor' | 'admin'
const ACTORS: { who: Who; role: Role; ownsDocument: boolean }[] = [
  { who: 'author (own)', role: 'author', ownsDocument: true },
  { who: 'author (other)', role: 'author', ownsDocument: false },
  { who: 'reviewer', role: 'reviewer', ownsDocument: false },
  { who: 'editor', role: 'editor', ownsDocument: false },
  { who: 'admin', role: 'admin', ownsDocument: false },
]

const ALL: Who[] = ['author (own)', 'reviewer', 'editor', 'admin']
const REVIEWERS: Who[] = ['reviewer', 'editor', 'admin']
const PUBLISHERS: Who[] = ['editor', 'admin']

/** from → to → who may do it (with a note where one is needed). Anything not listed is refused. */
const ALLOWED: Partial<Record<Stage, Partial<Record<Stage, Who[]>>>> = {
  draft: { in_review: ALL, published: ['admin'] },
  in_review: { changes_requested: REVIEWERS, approved: REVIEWERS, published: ['admin'] },
  changes_requested: { in_review: ALL, published: ['admin'] },
  approved: { published: PUBLISHERS, in_review: ALL },
  published: { unpublished: PUBLISHERS, draft: ALL },
  unpublished: { draft: ALL, published: ['admin'] },
}

const OVERRIDES: [Stage, Stage][] = [
  ['draft', 'published'],
  ['in_review', 'published'],
  ['changes_requested', 'published'],
  ['unpublished', 'published'],
]

describe('workflow transitions', () => {
  it('covers every role', () => {
    expect(new Set(ACTORS.map((actor) => actor.role))).toEqual(new Set(ROLES))
  })

  for (const from of STAGES) {
    for (const to of STAGES) {
      if (from === to) continue
      for (const actor of ACTORS) {
        const expected = ALLOWED[from]?.[to]?.includes(actor.who) ?? false
        it(`${expected ? 'allows' : 'refuses'} ${actor.who}: ${from} → ${to}`, () => {
          const decision = decideTransition({
            from,
            to,
            role: actor.role,
            ownsDocument: actor.ownsDocument,
            note: 'Fix X',
          })
          expect(decision.allowed).toBe(expected)
          if (!decision.allowed) {
            expect([400, 403]).toContain(decision.status)
            expect(decision.message.length).toBeGreaterThan(10)
          }
        })
      }
    }
  }

  it('marks an admin publish that skips approval as an override, and a normal publish as not', () => {
    for (const [from, to] of OVERRIDES) {
      expect(decideTransition({ from, to, role: 'admin', ownsDocument: false })).toMatchObject({ override: true })
    }
    expect(decideTransition({ from: 'approved', to: 'published', role: 'admin', ownsDocument: false })).toMatchObject({
      override: false,
    })
  })

  it('refuses a publish of unapproved content with 403 and says an admin may override', () => {
    const decision = decideTransition({ from: 'in_review', to: 'published', role: 'editor', ownsDocument: false })
    expect(decision).toEqual({
      allowed: false,
      status: 403,
      message: 'Only approved content can be published (this is "In review"); an admin may override.',
    })
  })

  it('requires a note to request changes', () => {
    for (const note of [undefined, null, '', '   ']) {
      expect(
        decideTransition({ from: 'in_review', to: 'changes_requested', role: 'reviewer', ownsDocument: false, note }),
      ).toEqual({ allowed: false, status: 400, message: 'Requesting changes needs a note saying what to change.' })
    }
  })

  it('answers 400 for a step that does not exist and 403 for a role that may not take it', () => {
    expect(decideTransition({ from: 'draft', to: 'approved', role: 'admin', ownsDocument: true })).toMatchObject({
      allowed: false,
      status: 400,
    })
    expect(decideTransition({ from: 'in_review', to: 'approved', role: 'author', ownsDocument: true })).toMatchObject({
      allowed: false,
      status: 403,
    })
  })
})

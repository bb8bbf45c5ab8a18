// Which stage move an update makes: an update that leaves a live document unpublished is an unpublish,
// whatever stage it asks for and whichever version Payload merged into it.
import { describe, expect, it } from 'vitest'

import { describeRoles, PUBLISHER_ROLES, REVIEWER_ROLES, STAFF_ROLES } from '@/access/roles'
import { STAGES } from '@/workflow/stages'
import { targetStage, type UpdateFacts } from '@/workflow/target-stage'

const liveSave: UpdateFacts = {
  latestStage: 'published',
  requested: null,
  liveBefore: true,
  writesLive: true,
  statusAfter: 'published',
  contentChanged: false,
  restoring: false,
}

describe('an update of a live document outside draft mode', () => {
  it('is an unpublish when it stores _status draft, whatever stage it asks for', () => {
    for (const requested of [null, ...STAGES]) {
      expect(targetStage({ ...liveSave, requested, statusAfter: 'draft' })).toEqual({
        from: 'published',
        to: 'unpublished',
      })
    }
  })

  it('is an unpublish when Payload merged a newer draft into it', () => {
    expect(targetStage({ ...liveSave, latestStage: 'draft', statusAfter: 'draft', contentChanged: true })).toEqual({
      from: 'published',
      to: 'unpublished',
    })
  })

  it('is an unpublish when it asks for the unpublished stage, even if the stored status would stay', () => {
    expect(targetStage({ ...liveSave, requested: 'unpublished' })).toEqual({ from: 'published', to: 'unpublished' })
  })

  it('keeps the document published when it stores _status published', () => {
    expect(targetStage(liveSave)).toEqual({ from: 'published', to: 'published' })
  })
})

describe('a draft save', () => {
  it('never takes a live document offline', () => {
    const draftSave = { ...liveSave, writesLive: false, statusAfter: 'draft' }
    expect(targetStage({ ...draftSave, requested: 'draft' })).toEqual({ from: 'published', to: 'draft' })
    expect(targetStage({ ...draftSave, contentChanged: true })).toEqual({ from: 'published', to: 'draft' })
  })

  it('asks for the stage the client requested on a document that is not live', () => {
    const draft = {
      ...liveSave,
      latestStage: 'draft' as const,
      liveBefore: false,
      writesLive: false,
      statusAfter: 'draft',
    }
    expect(targetStage({ ...draft, requested: 'in_review' })).toEqual({ from: 'draft', to: 'in_review' })
  })

  it('sends edited approved content back to review', () => {
    const approved = {
      ...liveSave,
      latestStage: 'approved' as const,
      liveBefore: false,
      writesLive: false,
      statusAfter: 'draft',
    }
    expect(targetStage({ ...approved, contentChanged: true })).toEqual({ from: 'approved', to: 'in_review' })
  })
})

describe('a restore', () => {
  it('makes a new draft unless it publishes', () => {
    const restore = { ...liveSave, latestStage: 'approved' as const, liveBefore: false, restoring: true }
    expect(targetStage({ ...restore, writesLive: false, statusAfter: 'draft' })).toEqual({
      from: 'approved',
      to: 'draft',
    })
    expect(targetStage(restore)).toEqual({ from: 'approved', to: 'published' })
  })
})

describe('role groups in messages', () => {
  it('name who may, least powerful first', () => {
    expect(describeRoles(PUBLISHER_ROLES)).toBe('editors and admins')
    expect(describeRoles(REVIEWER_ROLES)).toBe('reviewers, editors and admins')
    expect(describeRoles(STAFF_ROLES)).toBe('authors, reviewers, editors and admins')
    expect(describeRoles(['admin'])).toBe('admins')
  })
})

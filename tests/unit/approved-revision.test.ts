// What "changed after approval" means: the approved revision follows writes that keep the approved
// content, stays behind on a content change, and a release or scheduled publish compares it with the
// stored revision.
import { describe, expect, it } from 'vitest'

import { storesApprovedContent, unattendedPublishRefusal } from '@/workflow/approved-revision'
import { STAGES } from '@/workflow/stages'

describe('the approved revision after a write', () => {
  it('becomes the revision of any write that leaves the document approved, the approval included', () => {
    for (const contentChanged of [false, true]) {
      expect(
        storesApprovedContent({ stageAfter: 'approved', contentChanged, approvedRevision: null, currentRevision: 2 }),
      ).toBe(true)
    }
  })

  it('follows a write that changes no content while the content is the approved one, whatever the stage', () => {
    for (const stageAfter of STAGES) {
      expect(
        storesApprovedContent({ stageAfter, contentChanged: false, approvedRevision: 4, currentRevision: 4 }),
      ).toBe(true)
    }
  })

  it('stays behind on a content change, and once behind, stays there until the next approval', () => {
    expect(
      storesApprovedContent({ stageAfter: 'in_review', contentChanged: true, approvedRevision: 4, currentRevision: 4 }),
    ).toBe(false)
    expect(
      storesApprovedContent({
        stageAfter: 'in_review',
        contentChanged: false,
        approvedRevision: 4,
        currentRevision: 5,
      }),
    ).toBe(false)
    expect(
      storesApprovedContent({ stageAfter: 'draft', contentChanged: false, approvedRevision: null, currentRevision: 5 }),
    ).toBe(false)
  })
})

describe('a release or scheduled publish', () => {
  it('publishes an approved document at its approved revision', () => {
    expect(unattendedPublishRefusal({ latestStage: 'approved', approvedRevision: 4, currentRevision: 4 })).toBeNull()
  })

  it('refuses a document whose revision moved on since its approval, naming both revisions', () => {
    expect(unattendedPublishRefusal({ latestStage: 'in_review', approvedRevision: 4, currentRevision: 6 })).toBe(
      'changed after approval (approved at revision 4, now 6); review it again',
    )
    // Moved on by a write that skipped the workflow: the stage still says approved, the revision does not.
    expect(unattendedPublishRefusal({ latestStage: 'approved', approvedRevision: 4, currentRevision: 5 })).toMatch(
      /^changed after approval/,
    )
  })

  it('refuses a document that is not approved, without calling a stage move a change', () => {
    expect(unattendedPublishRefusal({ latestStage: 'in_review', approvedRevision: 5, currentRevision: 5 })).toBe(
      'Only approved content can be published (this is "In review"); releases and scheduled publishes never override that',
    )
    expect(unattendedPublishRefusal({ latestStage: 'draft', approvedRevision: null, currentRevision: 2 })).toMatch(
      /this is "Draft"/,
    )
  })

  it('leaves a published document as it is, and trusts an approval made before approvals recorded a revision', () => {
    expect(unattendedPublishRefusal({ latestStage: 'published', approvedRevision: 2, currentRevision: 9 })).toBeNull()
    expect(unattendedPublishRefusal({ latestStage: 'approved', approvedRevision: null, currentRevision: 7 })).toBeNull()
  })
})

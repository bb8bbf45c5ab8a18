'use client'
// The workflow buttons in a document's sidebar: the stage as a badge, and the steps the signed-in
// user may take from it. The server checks every step again; these buttons only offer them.
import {
  Button,
  Pill,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormInitializing,
  useFormProcessing,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

import { ROLES, type Role } from '@/access/roles'
import { relationId } from '@/fields/relations'
import { isStage, STAGE_LABELS, type Stage } from '@/workflow/stages'
import { decideTransition } from '@/workflow/transitions'

const STEPS: { to: Stage; label: string }[] = [
  { to: 'in_review', label: 'Submit for review' },
  { to: 'changes_requested', label: 'Request changes' },
  { to: 'approved', label: 'Approve' },
  { to: 'draft', label: 'Reopen as draft' },
]

export function WorkflowActions() {
  const { user } = useAuth()
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { submit } = useForm()
  // The form ignores a submit while it loads or saves; a button that looks clickable then would drop clicks.
  const initializing = useFormInitializing()
  const processing = useFormProcessing()
  const busy = initializing || processing
  const stageValue = useFormFields(([fields]) => fields.workflowStage?.value)
  const createdBy = useFormFields(([fields]) => fields.createdBy?.value)
  const assignee = useFormFields(([fields]) => fields.assignee?.value)

  const stage: Stage = isStage(stageValue) ? stageValue : 'draft'
  const role = (user as { role?: string } | null)?.role
  const knownRole = ROLES.find((candidate) => candidate === role) as Role | undefined
  const ownsDocument = Boolean(user) && [relationId(createdBy), relationId(assignee)].includes(String(user?.id))
  const steps =
    id && knownRole && collectionSlug
      ? STEPS.filter(
          (step) =>
            decideTransition({ from: stage, to: step.to, role: knownRole, ownsDocument, note: 'offered' }).allowed,
        )
      : []

  const takeStep = (to: Stage) =>
    submit({
      action: formatAdminURL({
        apiRoute: config.routes.api,
        path: `/${collectionSlug}/${id}?draft=true&depth=0`,
      }),
      method: 'PATCH',
      overrides: { _status: 'draft', workflowStage: to },
      skipValidation: true,
    })

  return (
    <div className="workflow-actions" style={{ marginBottom: '1.5rem' }}>
      <p style={{ margin: '0 0 0.5rem' }}>
        Stage: <Pill>{STAGE_LABELS[stage]}</Pill>
      </p>
      {steps.length > 0 ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          {steps.map((step) => (
            <Button
              key={step.to}
              buttonStyle="secondary"
              margin={false}
              disabled={busy}
              onClick={() => void takeStep(step.to)}
            >
              {step.label}
            </Button>
          ))}
        </div>
      ) : null}
      {steps.some((step) => step.to === 'changes_requested') ? (
        <p style={{ fontSize: '0.8rem', margin: '0.5rem 0 0' }}>Requesting changes needs a review note below.</p>
      ) : null}
    </div>
  )
}

// Request-context keys the workflow hooks set for the rest of a write; the audit trail and the cache's
// change log read them. A leaf module, so those folders need not import the workflow's hooks.
export const WORKFLOW_CONTEXT = {
  savingDraft: 'workflowSavingDraft',
  restoring: 'workflowRestoring',
  override: 'workflowOverride',
  requestedStage: 'workflowRequestedStage',
} as const

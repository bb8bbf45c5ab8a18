'use client'
// Shown above a document's fields when a save from this form was refused because someone else saved the
// document since it was opened: what the editor has in the form against what is stored now, field by
// field, so they can copy their wording before they reload.
import { Button, useConfig, useDocumentInfo, useForm, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useRef, useState } from 'react'

import { differingFields, type FieldDifference } from '@/concurrency/stale-edit-diff'

type StoredDocument = Record<string, unknown> & { revision?: number }

/** The stored document, or null when it cannot be read (deleted, or the session ended). */
async function readStored(url: string): Promise<StoredDocument | null> {
  const response = await fetch(url, { credentials: 'include', cache: 'no-store' })
  return response.ok ? ((await response.json()) as StoredDocument) : null
}

function DifferencesTable({ differences }: { differences: FieldDifference[] }) {
  return (
    <table className="stale-edit-compare__table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">In your form</th>
          <th scope="col">Stored now</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr key={difference.field} data-field={difference.field}>
            <th scope="row">{difference.label}</th>
            <td>{difference.yours}</td>
            <td>{difference.stored}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function StaleEditCompare() {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { getData } = useForm()
  const processing = useFormProcessing()
  const formRevision = useFormFields(([fields]) => fields.revision?.value)
  const [differences, setDifferences] = useState<FieldDifference[] | null>(null)
  const [saveEnded, setSaveEnded] = useState(0)
  const wasProcessing = useRef(false)

  useEffect(() => {
    if (wasProcessing.current && !processing) setSaveEnded((count) => count + 1)
    wasProcessing.current = processing
  }, [processing])

  // After every save, and whenever the form takes a new revision (a save that went through), ask whether
  // the stored document has moved past the one this form was opened from.
  useEffect(() => {
    if (saveEnded === 0 || id === undefined || id === null) return
    let current = true
    const url = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}?draft=true&depth=0` })
    void readStored(url).then((stored) => {
      if (!current) return
      const stale = stored !== null && typeof formRevision === 'number' && stored.revision !== formRevision
      setDifferences(stale ? differingFields(getData(), stored) : null)
    })
    return () => {
      current = false
    }
  }, [saveEnded, formRevision, id, collectionSlug, config.routes.api, getData])

  if (!differences) return null
  return (
    <section aria-label="Your edits and the stored version" className="stale-edit-compare">
      <h3>Your save was refused: someone else saved this document since you opened it</h3>
      <p>
        {differences.length === 0
          ? 'Your form holds the same text as the stored version in every field compared here.'
          : 'Copy what you want to keep from “In your form”, then reload to edit the stored version.'}
      </p>
      {differences.length > 0 ? <DifferencesTable differences={differences} /> : null}
      <Button buttonStyle="secondary" size="small" onClick={() => window.location.reload()}>
        Reload the stored version
      </Button>
    </section>
  )
}

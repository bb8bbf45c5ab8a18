'use client'
// What a reader sees when a page of the site fails to render (src/app/(frontend)/error.tsx) or the site
// itself does (src/app/global-error.tsx): what happened, what to do, and the way to the rest of the
// glossary. The reference is the digest Next logs with the error on the server, so an operator can find it.
import { useRouter } from 'next/navigation'
import { startTransition } from 'react'

import { SearchForm } from './search-form'

export type RenderFailure = Error & { digest?: string }

export function PageFailure({ error, reset }: { error: RenderFailure; reset: () => void }) {
  const router = useRouter()
  // reset() alone re-renders what the browser holds; the failure happened on the server, so ask it again.
  const tryAgain = () =>
    startTransition(() => {
      router.refresh()
      reset()
    })
  return (
    <div className="flex flex-col gap-6">
      <h1>This page could not be shown</h1>
      <p className="text-muted">
        Something went wrong on our side while preparing it; nothing you did caused it. Try again in a moment. If it
        keeps failing, the rest of the glossary is likely still there: search it, or browse from A to Z.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={tryAgain}
          className="h-11 rounded-lg bg-accent px-4 text-base font-semibold text-on-accent hover:opacity-90"
        >
          Try again
        </button>
        <a href="/">Home page</a>
        <a href="/terms">A–Z index</a>
      </div>
      <SearchForm id="page-failure-query" label="Search the glossary" />
      {error.digest ? (
        <p className="text-sm text-muted">
          If you tell us about this, quote reference <code>{error.digest}</code>.
        </p>
      ) : null}
    </div>
  )
}

'use client'
// Inside the admin's live-preview frame, re-renders the previewed page each time the editor saves.
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

export function RefreshOnAdminSave() {
  const router = useRouter()
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return
      if ((event.data as { type?: unknown } | null)?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}

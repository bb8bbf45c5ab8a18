'use client'

import { useEffect } from 'react'

const SHOWN_MENTIONS = '[data-term-mention]:hover, [data-term-mention]:focus-within'

/**
 * Escape hides the term previews open under the pointer or the keyboard focus without moving either
 * (WCAG 1.4.13). A hidden preview comes back once the pointer and focus have both left its mention.
 */
export function DismissiblePreviews() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      for (const mention of document.querySelectorAll<HTMLElement>(SHOWN_MENTIONS)) {
        if (mention.hasAttribute('data-dismissed')) continue
        mention.setAttribute('data-dismissed', '')
        const restoreWhenLeft = () => {
          if (mention.matches(':hover, :focus-within')) return
          mention.removeAttribute('data-dismissed')
          mention.removeEventListener('pointerleave', restoreWhenLeft)
          mention.removeEventListener('focusout', restoreLater)
        }
        // focusout fires before focus lands elsewhere, so :focus-within is read once it has moved.
        const restoreLater = () => setTimeout(restoreWhenLeft, 0)
        mention.addEventListener('pointerleave', restoreWhenLeft)
        mention.addEventListener('focusout', restoreLater)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  return null
}

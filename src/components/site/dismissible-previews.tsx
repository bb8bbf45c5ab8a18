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
        const restore = () => {
          mention.removeAttribute('data-dismissed')
          mention.removeEventListener('pointerleave', restoreOnPointerLeave)
          mention.removeEventListener('focusout', restoreOnFocusOut)
        }
        const restoreOnPointerLeave = () => {
          if (!mention.matches(':focus-within')) restore()
        }
        // The element taking focus is known as focus leaves, so a quick Tab and Shift+Tab back cannot
        // find focus "still inside" and leave the preview hidden for good.
        const restoreOnFocusOut = (event: FocusEvent) => {
          const next = event.relatedTarget
          if (next instanceof Node && mention.contains(next)) return
          if (!mention.matches(':hover')) restore()
        }
        mention.addEventListener('pointerleave', restoreOnPointerLeave)
        mention.addEventListener('focusout', restoreOnFocusOut)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  return null
}

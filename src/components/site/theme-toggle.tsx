'use client'

import { useEffect, useState } from 'react'

import { THEME_STORAGE_KEY, THEMES, type Theme } from './theme'

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

function readStoredTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    return 'system'
  }
}

function applyTheme(theme: Theme) {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
  try {
    if (theme === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, theme)
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

/** Cycles System → Light → Dark. Rendered only with JavaScript; without it the system theme applies. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null)
  useEffect(() => setTheme(readStoredTheme()), [])
  // The placeholder has the button's box, so the header does not move when the button appears.
  if (theme === null) return <span className="h-9 w-28" aria-hidden="true" />

  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!
  return (
    <button
      type="button"
      className="inline-flex h-9 w-28 items-center justify-center gap-1.5 rounded-lg border border-line bg-surface px-3 text-sm font-medium text-ink hover:bg-sunken"
      aria-label={`Colour theme: ${LABELS[theme]}. Switch to ${LABELS[next]}.`}
      data-theme-choice={theme}
      onClick={() => {
        applyTheme(next)
        setTheme(next)
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      {LABELS[theme]}
    </button>
  )
}

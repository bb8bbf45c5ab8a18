'use client'

import { useEffect, useRef } from 'react'

/** Placed inside a filter form: with JavaScript, changing a select applies the filters at once. */
export function AutoSubmitOnChange() {
  const marker = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const form = marker.current?.closest('form')
    if (!form) return
    const submit = (event: Event) => {
      if (event.target instanceof HTMLSelectElement) form.requestSubmit()
    }
    form.addEventListener('change', submit)
    return () => form.removeEventListener('change', submit)
  }, [])
  return <span ref={marker} hidden />
}

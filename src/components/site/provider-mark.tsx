// A provider's logo when one is uploaded, else a mark in the provider's brand colour with its short name.
import type { ProviderRef } from '@/site-data/term-view'

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(hex.slice(start, start + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff'
}

export function ProviderMark({
  provider,
  logoUrl = null,
  size = 'md',
}: {
  provider: ProviderRef
  logoUrl?: string | null
  size?: 'sm' | 'md' | 'lg'
}) {
  if (logoUrl) {
    return <img src={logoUrl} alt="" className={`provider-mark-${size} rounded-md object-contain`} aria-hidden="true" />
  }
  const background = provider.brandColor ?? '#4a5868'
  return (
    <span
      aria-hidden="true"
      className={`provider-mark provider-mark-${size}`}
      style={{ background, color: readableTextOn(background) }}
    >
      {provider.name}
    </span>
  )
}

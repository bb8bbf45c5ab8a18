// A provider's logo when one is uploaded, else a mark in the provider's brand colour with its short name.
import type { ProviderRef } from '@/lib/term-view'

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
  const box = size === 'lg' ? 'h-12 min-w-12 text-base' : size === 'sm' ? 'h-6 min-w-6 text-[0.65rem]' : 'h-8 min-w-8 text-xs'
  if (logoUrl) {
    return <img src={logoUrl} alt="" className={`${box} rounded-md object-contain`} aria-hidden="true" />
  }
  const background = provider.brandColor ?? '#4a5868'
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-grid shrink-0 place-items-center rounded-md px-1 font-bold tracking-tight`}
      style={{ background, color: readableTextOn(background) }}
    >
      {provider.name}
    </span>
  )
}

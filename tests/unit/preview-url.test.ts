import { describe, expect, it } from 'vitest'

import { isPreviewSecret, previewSecret, previewUrlFor, safePreviewPath } from '@/routes/preview-url'

describe('draft preview links', () => {
  it('carry the path and a secret derived from the installation secret', () => {
    const url = new URL(previewUrlFor('/terms/cloudtrail'), 'http://localhost')
    expect(url.pathname).toBe('/next/preview')
    expect(url.searchParams.get('path')).toBe('/terms/cloudtrail')
    expect(isPreviewSecret(url.searchParams.get('secret'))).toBe(true)
  })

  it('reject a wrong or missing secret', () => {
    expect(isPreviewSecret(null)).toBe(false)
    expect(isPreviewSecret('')).toBe(false)
    expect(isPreviewSecret(`${previewSecret()}x`)).toBe(false)
    expect(isPreviewSecret(previewSecret().replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))).toBe(false)
  })

  it('use a configured secret when there is one', () => {
    expect(previewSecret({ CLOUDLEX_PREVIEW_SECRET: 'configured', PAYLOAD_SECRET: 'x' })).toBe('configured')
    expect(previewSecret({ PAYLOAD_SECRET: 'one' })).not.toBe(previewSecret({ PAYLOAD_SECRET: 'two' }))
  })

  it('only lead to paths on this site', () => {
    expect(safePreviewPath('/terms/iam')).toBe('/terms/iam')
    for (const unsafe of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'terms/iam']) {
      expect(safePreviewPath(unsafe)).toBeNull()
    }
  })

  it('refuse paths a browser would read as another host: control characters and collapsing dot segments', () => {
    for (const unsafe of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r//evil.example',
      '/\u0000/x',
      '/.//evil.example',
      '/./\t/evil.example',
    ]) {
      expect(safePreviewPath(unsafe, 'https://cloudlex.example')).toBeNull()
    }
  })

  it('refuse an absolute address even on this site, and give back the path as resolved', () => {
    expect(safePreviewPath('https://cloudlex.example/terms/iam', 'https://cloudlex.example')).toBeNull()
    expect(safePreviewPath('/terms/../terms/iam?x=1#faq', 'https://cloudlex.example')).toBe('/terms/iam?x=1#faq')
    expect(safePreviewPath('/terms/key vault', 'https://cloudlex.example')).toBe('/terms/key%20vault')
  })
})

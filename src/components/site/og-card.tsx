// The 1200×630 social card drawn by next/og (Satori: flexbox only, inline styles, the bundled font).
import { SITE_NAME } from '@/seo/site-identity'

export const OG_IMAGE_SIZE = { width: 1200, height: 630 }

const COLORS = {
  page: '#f7f8fa',
  ink: '#16202c',
  muted: '#4a5868',
  accent: '#0a56a8',
  onAccent: '#ffffff',
  line: '#d5dbe3',
}

type OgCardProps = {
  eyebrow: string
  title: string
  text: string
  footer: string
}

export function OgCard({ eyebrow, title, text, footer }: OgCardProps) {
  const titleSize = title.length > 40 ? 60 : title.length > 24 ? 76 : 92
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: COLORS.page,
        color: COLORS.ink,
        borderLeft: `24px solid ${COLORS.accent}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
          <div
            style={{
              width: 64,
              height: 64,
              borderRadius: 14,
              background: COLORS.accent,
              color: COLORS.onAccent,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 40,
            }}
          >
            C
          </div>
          <div style={{ fontSize: 40, letterSpacing: -0.5 }}>{SITE_NAME}</div>
        </div>
        {eyebrow ? (
          <div
            style={{
              display: 'flex',
              fontSize: 28,
              color: COLORS.accent,
              border: `2px solid ${COLORS.accent}`,
              borderRadius: 999,
              padding: '8px 24px',
            }}
          >
            {eyebrow}
          </div>
        ) : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <div style={{ display: 'flex', fontSize: titleSize, lineHeight: 1.05, letterSpacing: -1.5 }}>{title}</div>
        {text ? (
          <div style={{ display: 'flex', fontSize: 34, lineHeight: 1.35, color: COLORS.muted }}>{text}</div>
        ) : null}
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          fontSize: 26,
          color: COLORS.muted,
          borderTop: `2px solid ${COLORS.line}`,
          paddingTop: 24,
        }}
      >
        <div style={{ display: 'flex' }}>{footer}</div>
        <div style={{ display: 'flex' }}>AWS · Azure · Google Cloud · OCI</div>
      </div>
    </div>
  )
}

import { ImageResponse } from 'next/og'

import { OG_IMAGE_SIZE, OgCard } from '@/components/site/og-card'
import { SITE_DESCRIPTION } from '@/seo/site-identity'

export const alt = 'Cloudlex: cloud computing, explained'
export const size = OG_IMAGE_SIZE
export const contentType = 'image/png'

export default function SiteOpenGraphImage() {
  return new ImageResponse(
    <OgCard
      eyebrow="Glossary"
      title="Cloud computing, explained"
      text={SITE_DESCRIPTION}
      footer="Definitions, analogies, use cases"
    />,
    size,
  )
}

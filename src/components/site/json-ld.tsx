// Embeds schema.org structured data in a page; the serialization keeps any text inside the script.
import { serializeJsonLd } from '@/seo/structured-data'

export function JsonLd({ data }: { data: object | readonly object[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

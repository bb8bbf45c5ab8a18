// Embeds schema.org structured data in a page; the serialization keeps any text inside the script.
import { getRequestNonce } from '@/lib/request-nonce'
import { serializeJsonLd } from '@/lib/structured-data'

export async function JsonLd({ data }: { data: object | readonly object[] }) {
  // A data block runs nothing, but it carries the nonce like every inline script of ours, so a policy
  // that one day reports every script without it stays quiet.
  const nonce = await getRequestNonce()
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

// Puts this response's CSP nonce on every <script> of an HTML page, and on every <link> (Chrome checks
// script preloads against the policy too), as it streams out. Pages are served
// from Next's rendering cache, rendered once for every reader, so they cannot carry a per-request nonce
// themselves; the nonce is added here, on the way out, like an edge worker would. Safe as text
// substitution: React escapes "<" in text and Next escapes it in its inline data, so "<script" in the
// output is always a tag.
import { StringDecoder } from 'node:string_decoder'

const OPENINGS = ['<script', '<link']
const LONGEST_OPENING = Math.max(...OPENINGS.map((opening) => opening.length))
const OPENING_TAG = /<(script|link)(?=[\s>/])/g

export type NonceInjector = { push(chunk: string | Buffer): string; end(): string }

export function createNonceInjector(nonce: string): NonceInjector {
  const decoder = new StringDecoder('utf8')
  const attribute = `<$1 nonce="${nonce}"`
  let held = ''

  const inject = (text: string, final: boolean): string => {
    const combined = held + text
    // A tag split between chunks: keep its start back until the rest arrives.
    const lastOpen = combined.lastIndexOf('<', combined.length - 1)
    const tail = lastOpen >= combined.length - LONGEST_OPENING ? combined.slice(lastOpen) : ''
    const keep = !final && tail !== '' && OPENINGS.some((opening) => opening.startsWith(tail)) ? tail.length : 0
    held = combined.slice(combined.length - keep)
    return combined.slice(0, combined.length - keep).replace(OPENING_TAG, attribute).replace(/<link(?=\s+rel="preload"\s+as="script")/g, `<link nonce="${nonce}"`)
  }

  return {
    push: (chunk) => inject(typeof chunk === 'string' ? chunk : decoder.write(chunk), false),
    end: () => inject(decoder.end(), true),
  }
}

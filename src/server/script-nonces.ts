// Puts this response's CSP nonce on every <script> of an HTML page, and on every <link> (Chrome checks
// script preloads against the policy too), as it streams out. Pages are served
// from Next's rendering cache, rendered once for every reader, so they cannot carry a per-request nonce
// themselves; the nonce is added here, on the way out, like an edge worker would. Safe as text
// substitution: React escapes "<" in text and Next escapes it in its inline data, so "<script" in the
// output is always a tag. The page is rewritten as bytes: decoding it to text and encoding it again cost
// more than the rest of serving a cached page.
const OPENINGS = ['<script', '<link'].map((opening) => Buffer.from(opening))
const LONGEST_OPENING = Math.max(...OPENINGS.map((opening) => opening.length))
/** What may follow a tag's name: whitespace, ">" or "/". */
const AFTER_TAG_NAME = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x3e, 0x2f])
const LESS_THAN = 0x3c

export type NonceInjector = { push(chunk: string | Uint8Array): Buffer; end(): Buffer }

/** Where each opening tag's name ends in `bytes`, in order: the places the attribute goes. */
function tagNameEnds(bytes: Buffer): number[] {
  const ends: number[] = []
  for (const opening of OPENINGS) {
    for (let at = bytes.indexOf(opening); at !== -1; at = bytes.indexOf(opening, at + 1)) {
      const end = at + opening.length
      if (end < bytes.length && AFTER_TAG_NAME.has(bytes[end]!)) ends.push(end)
    }
  }
  return ends.sort((a, b) => a - b)
}

/** How many bytes at the end could be the start of an opening tag cut by the chunk boundary. */
function heldBackLength(bytes: Buffer): number {
  const lastOpen = bytes.lastIndexOf(LESS_THAN)
  if (lastOpen === -1 || lastOpen < bytes.length - LONGEST_OPENING) return 0
  const tail = bytes.subarray(lastOpen)
  return OPENINGS.some((opening) => opening.subarray(0, tail.length).equals(tail)) ? tail.length : 0
}

export function createNonceInjector(nonce: string): NonceInjector {
  const attribute = Buffer.from(` nonce="${nonce}"`)
  let held = Buffer.alloc(0)

  const inject = (bytes: Buffer, final: boolean): Buffer => {
    const combined = held.length > 0 ? Buffer.concat([held, bytes]) : bytes
    const keep = final ? 0 : heldBackLength(combined)
    held = Buffer.from(combined.subarray(combined.length - keep))
    const ready = combined.subarray(0, combined.length - keep)
    const ends = tagNameEnds(ready)
    if (ends.length === 0) return ready
    const parts: Buffer[] = []
    let from = 0
    for (const end of ends) {
      parts.push(ready.subarray(from, end), attribute)
      from = end
    }
    parts.push(ready.subarray(from))
    return Buffer.concat(parts)
  }

  return {
    push: (chunk) =>
      inject(
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
        false,
      ),
    end: () => inject(Buffer.alloc(0), true),
  }
}

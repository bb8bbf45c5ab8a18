// A term's rich-text body, rendered with Payload's converters plus glossary auto-linking in plain text.
import type { SerializedTextNode } from '@payloadcms/richtext-lexical/lexical'
import { RichText, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import type { TermLinker } from '@/site-data/auto-link'
import type { TermView } from '@/site-data/term-view'

import { LinkedText } from './linked-text'

export function TermBody({ body, linker }: { body: NonNullable<TermView['body']>; linker: TermLinker }) {
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    text: (args) => {
      const node = args.node as SerializedTextNode
      // Formatted text and text already inside a link keep Payload's own rendering.
      if (node.format !== 0 || args.parent?.type === 'link' || args.parent?.type === 'autolink') {
        const fallback = defaultConverters.text
        return typeof fallback === 'function' ? fallback(args as never) : fallback
      }
      return <LinkedText text={node.text} linker={linker} />
    },
  })
  return <RichText data={body} converters={converters} className="prose-term" />
}

// Conversions between the plain text of the seed format and Payload's Lexical rich text.
import { buildEditorState } from '@payloadcms/richtext-lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { Faq } from '@/payload-types'

export type RichTextValue = Faq['answer']

export function plainTextToRichText(text: string): RichTextValue {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
  const state = buildEditorState({ text: paragraphs[0] ?? '' })
  for (const paragraph of paragraphs.slice(1)) {
    state.root.children.push(...buildEditorState({ text: paragraph }).root.children)
  }
  return state as unknown as RichTextValue
}

export function richTextToPlainText(state: unknown): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  return convertLexicalToPlaintext({ data: state as SerializedEditorState })
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n')
}

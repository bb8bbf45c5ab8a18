// Rewrites the server bundles of the build so that V8 holds their source text at one byte a character.
// V8 keeps the source of every script it compiles (functions are compiled lazily, from that text), and a
// script with a single character above U+00FF is held as UTF-16, at twice its size. Payload's rich-text
// editor bundles its translations (Cyrillic, Arabic, CJK…) into the app's server chunks, and Turbopack
// gives every route its own 2.8 MB chunk with the app and Payload's config: at 10,000 terms about 95 MB of
// the production server's heap was such source text, half of it the second byte of each character.
// Written as \u escapes, the same characters leave every chunk within Latin-1 and mean exactly the same.
//
// Run after `next build` (the `build` script does): it edits `.next/server` in place, and running it
// twice changes nothing. A chunk where an escape could change what the code means (a tagged template,
// which sees its raw text; a name outside the Basic Multilingual Plane) is left as it is, and said so.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

import { tokenizer, tokTypes, type Token } from 'acorn'

const WIDE_CHARACTER = /[\u0100-\uffff]/
const WIDE_CHARACTERS = /[\u0100-\uffff]/g
const LINE_SEPARATORS = /[\u2028\u2029]/
const HIGH_SURROGATE = /[\ud800-\udbff]/

const escapeOf = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`

/** Tokens that can follow a tag: the template after them is a tagged one, which reads its raw text. */
const TAG_ENDS = new Set([
  tokTypes.name,
  tokTypes._this,
  tokTypes._super,
  tokTypes.parenR,
  tokTypes.bracketR,
  tokTypes.backQuote,
])

type Span = { start: number; end: number }

const isQuasi = (token: Token | null) => token?.type === tokTypes.template || token?.type === tokTypes.invalidTemplate

/** Where characters may be escaped (literals, names, comments), or why the source must stay as it is. */
function escapableSpans(source: string): { spans: Span[] } | { reason: string } {
  const spans: Span[] = []
  const onComment = (_block: boolean, _text: string, start: number, end: number) => spans.push({ start, end })
  let previous: Token | null = null
  // Whether each template being read (innermost last) is tagged.
  const templates: boolean[] = []
  try {
    for (const token of tokenizer(source, { ecmaVersion: 'latest', allowHashBang: true, onComment })) {
      const text = source.slice(token.start, token.end)
      if (token.type === tokTypes.backQuote) {
        const closing = templates.length > 0 && isQuasi(previous)
        if (closing) templates.pop()
        else templates.push(previous !== null && TAG_ENDS.has(previous.type))
      }
      if (WIDE_CHARACTER.test(text)) {
        if (isQuasi(token) && templates.at(-1)) return { reason: 'a tagged template' }
        if (token.type === tokTypes.name && HIGH_SURROGATE.test(text)) return { reason: 'a name beyond U+FFFF' }
        if (LINE_SEPARATORS.test(text) && /\\[\u2028\u2029]/.test(text)) return { reason: 'a line continuation' }
        spans.push({ start: token.start, end: token.end })
      }
      previous = token
    }
  } catch (error) {
    return { reason: `it does not tokenize (${(error as Error).message})` }
  }
  return { spans }
}

/** Escapes `text`'s wide characters; a wide character already escaped by a backslash loses that backslash. */
function escapeWide(text: string): string {
  return text.replace(/(\\*)([\u0100-\uffff])/g, (_match, backslashes: string, character: string) =>
    backslashes.length % 2 === 1
      ? `${backslashes.slice(1)}${escapeOf(character)}`
      : `${backslashes}${escapeOf(character)}`,
  )
}

export type OneByteResult = { source: string } | { unchanged: string }

/** The source with every character above U+00FF escaped, or why it must stay as it is. */
export function withOneByteSource(source: string): OneByteResult {
  if (!WIDE_CHARACTER.test(source)) return { source }
  const found = escapableSpans(source)
  if ('reason' in found) return { unchanged: found.reason }
  const spans = found.spans.sort((left, right) => left.start - right.start)
  let rewritten = ''
  let at = 0
  for (const { start, end } of spans) {
    // Between tokens a wide character is white space or a line break: written as its ASCII equivalent.
    rewritten += source
      .slice(at, start)
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(WIDE_CHARACTERS, ' ')
    rewritten += escapeWide(source.slice(start, end))
    at = end
  }
  rewritten += source
    .slice(at)
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(WIDE_CHARACTERS, ' ')
  try {
    new vm.Script(rewritten)
  } catch (error) {
    return { unchanged: `the escaped source does not compile (${(error as Error).message})` }
  }
  return { source: rewritten }
}

function* scriptsUnder(directory: string): Iterable<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name)
    if (entry.isDirectory()) yield* scriptsUnder(entryPath)
    else if (entry.name.endsWith('.js')) yield entryPath
  }
}

export type OneByteReport = { rewritten: string[]; leftAsTheyAre: { file: string; reason: string }[] }

/** Rewrites the server scripts of the build in `distDir` that hold characters above U+00FF. */
export function rewriteServerChunks(distDir: string): OneByteReport {
  const serverDir = path.join(distDir, 'server')
  if (!fs.existsSync(serverDir)) throw new Error(`${serverDir} not found: run \`next build\` first`)
  const report: OneByteReport = { rewritten: [], leftAsTheyAre: [] }
  for (const file of scriptsUnder(serverDir)) {
    const source = fs.readFileSync(file, 'utf8')
    if (!WIDE_CHARACTER.test(source)) continue
    const result = withOneByteSource(source)
    const relative = path.relative(distDir, file)
    if ('unchanged' in result) {
      report.leftAsTheyAre.push({ file: relative, reason: result.unchanged })
      continue
    }
    fs.writeFileSync(file, result.source)
    report.rewritten.push(relative)
  }
  return report
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const distDir = path.resolve(import.meta.dirname, '..', '.next')
  try {
    const { rewritten, leftAsTheyAre } = rewriteServerChunks(distDir)
    console.error(`One-byte server chunks: ${rewritten.length} rewritten`)
    for (const { file, reason } of leftAsTheyAre) console.error(`  left as it is: ${file} (${reason})`)
  } catch (error) {
    console.error(`One-byte server chunks: ${(error as Error).message}`)
    process.exit(1)
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'

import { afterEach, describe, expect, it } from 'vitest'

import { rewriteServerChunks, withOneByteSource } from '../../scripts/one-byte-server-chunks'

const ONE_BYTE = /^[^\u0100-\uffff]*$/

/** What a CommonJS chunk exports, run in a context of its own. */
function exportsOf(source: string): unknown {
  const module = { exports: {} as unknown }
  vm.runInNewContext(source, { module })
  return JSON.parse(JSON.stringify(module.exports))
}

function rewritten(source: string): string {
  const result = withOneByteSource(source)
  if (!('source' in result)) throw new Error(`left as it is: ${result.unchanged}`)
  return result.source
}

describe('withOneByteSource', () => {
  it('escapes wide characters in strings, templates, regular expressions, names and comments', () => {
    const source = [
      '// Ссылка — комментарий',
      'const παράδειγμα = "Заголовок {{level}}"',
      "const single = 'ابدأ الكتابة'",
      'const template = `开始 ${παράδειγμα} 输入`',
      '/* 블록 주석 */',
      'const pattern = /[а-я]+’/u',
      "module.exports = { παράδειγμα, single, template, match: 'где’'.match(pattern)[0], emoji: '🙂' }",
    ].join('\n')
    const result = rewritten(source)
    expect(result).toMatch(ONE_BYTE)
    expect(exportsOf(result)).toEqual(exportsOf(source))
  })

  it('keeps Latin-1 characters as they are: they already take one byte', () => {
    const source = "module.exports = 'café — naïve'"
    const result = rewritten(source)
    expect(result).toContain('café')
    expect(result).toMatch(ONE_BYTE)
    expect(exportsOf(result)).toEqual(exportsOf(source))
  })

  it('turns a wide character escaped by a backslash into its escape, and leaves escaped backslashes alone', () => {
    const source = String.raw`module.exports = ['\’', '\\’', /\’/.test('’')]`
    const result = rewritten(source)
    expect(result).toMatch(ONE_BYTE)
    expect(exportsOf(result)).toEqual(exportsOf(source))
  })

  it('writes line and paragraph separators between tokens as line breaks', () => {
    const source = 'const a = 1\u2028module.exports = a\u2029'
    const result = rewritten(source)
    expect(result).toBe('const a = 1\nmodule.exports = a\n')
  })

  it('leaves a source with a tagged template holding wide characters as it is', () => {
    const result = withOneByteSource('const tag = (s) => s.raw[0]; module.exports = tag`Привет`')
    expect(result).toEqual({ unchanged: 'a tagged template' })
  })

  it('escapes an untagged template nested in a tagged one’s substitution', () => {
    const source = 'const tag = (s, v) => s.raw.join(v); module.exports = tag`a${`Привет`}b`'
    const result = rewritten(source)
    expect(result).toMatch(ONE_BYTE)
    expect(exportsOf(result)).toEqual(exportsOf(source))
  })

  it('leaves a source that does not tokenize as it is', () => {
    expect(withOneByteSource('const a = "Привет')).toMatchObject({ unchanged: expect.stringContaining('tokenize') })
  })

  it('returns a one-byte source unchanged', () => {
    expect(withOneByteSource('module.exports = 1')).toEqual({ source: 'module.exports = 1' })
  })
})

describe('rewriteServerChunks', () => {
  const made: string[] = []
  afterEach(() => {
    for (const directory of made.splice(0)) fs.rmSync(directory, { recursive: true, force: true })
  })

  it('rewrites the server scripts with wide characters, reports those it leaves, and changes nothing twice', () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-byte-'))
    made.push(distDir)
    fs.mkdirSync(path.join(distDir, 'server', 'chunks'), { recursive: true })
    const write = (name: string, text: string) => fs.writeFileSync(path.join(distDir, 'server', 'chunks', name), text)
    write('wide.js', "module.exports = 'Привет'")
    write('narrow.js', "module.exports = 'hello'")
    write('tagged.js', 'module.exports = String.raw`Привет`')
    write('wide.js.map', '{"names":["Привет"]}')

    expect(rewriteServerChunks(distDir)).toEqual({
      rewritten: [path.join('server', 'chunks', 'wide.js')],
      leftAsTheyAre: [{ file: path.join('server', 'chunks', 'tagged.js'), reason: 'a tagged template' }],
    })
    const chunk = fs.readFileSync(path.join(distDir, 'server', 'chunks', 'wide.js'), 'utf8')
    expect(chunk).toBe(String.raw`module.exports = '\u041f\u0440\u0438\u0432\u0435\u0442'`)
    expect(rewriteServerChunks(distDir).rewritten).toEqual([])
  })

  it('needs a build', () => {
    expect(() => rewriteServerChunks(path.join(os.tmpdir(), 'no-such-build'))).toThrow(/run `next build` first/)
  })
})

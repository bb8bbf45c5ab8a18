import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { addCompileHints, COMPILE_HINT, frameworkChunks, withCompileHint } from '../../scripts/compile-hints'

describe('withCompileHint', () => {
  it('puts the hint on the first line, where Chrome looks for it', () => {
    expect(withCompileHint('(globalThis.TURBOPACK||[]).push([])')).toBe(
      `${COMPILE_HINT}\n(globalThis.TURBOPACK||[]).push([])`,
    )
  })

  it('leaves a source that already has it alone', () => {
    const once = withCompileHint('let a = 1')
    expect(withCompileHint(once)).toBe(once)
  })
})

describe('frameworkChunks', () => {
  it('takes the script files every App Router page boots with', () => {
    expect(
      frameworkChunks({
        rootMainFiles: ['static/chunks/a.js', 'static/chunks/b.js', 'static/css/c.css'],
        polyfillFiles: ['static/chunks/p.js'],
      }),
    ).toEqual(['static/chunks/a.js', 'static/chunks/b.js'])
  })

  it('refuses a manifest without the list, saying what is missing', () => {
    expect(() => frameworkChunks({ pages: {} })).toThrow(/rootMainFiles/)
    expect(() => frameworkChunks({ rootMainFiles: [] })).toThrow(/rootMainFiles/)
    expect(() => frameworkChunks(null)).toThrow(/rootMainFiles/)
  })
})

describe('addCompileHints', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  function fakeBuild(chunks: Record<string, string>, rootMainFiles: string[]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-hints-'))
    dirs.push(dir)
    fs.mkdirSync(path.join(dir, 'static/chunks'), { recursive: true })
    for (const [name, source] of Object.entries(chunks)) fs.writeFileSync(path.join(dir, 'static/chunks', name), source)
    fs.writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles }))
    return dir
  }
  const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, 'static/chunks', name), 'utf8')

  it('marks the framework chunks, leaves page chunks as they were, and changes nothing on a second run', () => {
    const dir = fakeBuild({ 'react.js': 'react()', 'router.js': 'router()', 'admin-page.js': 'admin()' }, [
      'static/chunks/react.js',
      'static/chunks/router.js',
    ])

    expect(addCompileHints(dir)).toEqual(['static/chunks/react.js', 'static/chunks/router.js'])
    expect(read(dir, 'react.js')).toBe(`${COMPILE_HINT}\nreact()`)
    expect(read(dir, 'router.js')).toBe(`${COMPILE_HINT}\nrouter()`)
    expect(read(dir, 'admin-page.js')).toBe('admin()')

    expect(addCompileHints(dir)).toEqual([])
    expect(read(dir, 'react.js')).toBe(`${COMPILE_HINT}\nreact()`)
  })

  it('names a listed chunk that is missing before changing any file, and says when there is no build', () => {
    const dir = fakeBuild({ 'react.js': 'react()' }, ['static/chunks/react.js', 'static/chunks/gone.js'])
    expect(() => addCompileHints(dir)).toThrow(/static\/chunks\/gone\.js is listed in build-manifest\.json but missing/)
    expect(read(dir, 'react.js')).toBe('react()')
    expect(() => addCompileHints(path.join(dir, 'nowhere'))).toThrow(
      /build-manifest\.json not found: run `next build` first/,
    )
  })
})

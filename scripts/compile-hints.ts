// Marks the framework chunks every page boots with (React DOM, the Next.js router, the bundler
// runtime) for eager compilation. Chrome 136+ reads the `//# allFunctionsCalledOnLoad` comment at
// the top of a script and compiles its functions on a background thread while the file streams in,
// instead of compiling each one on the main thread the first time it is called. Nearly every
// function in these chunks runs while a page hydrates, which is the case the hint is meant for;
// page and admin chunks are left to the browser's own lazy compilation. Other browsers ignore it.
//
// Run after `next build` (the `build` script does): it edits `.next/static/chunks` in place, and
// running it twice changes nothing.
import fs from 'node:fs'
import path from 'node:path'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/** The source with the hint as its first line; a source that already starts with it comes back unchanged. */
export function withCompileHint(source: string): string {
  return source.startsWith(`${COMPILE_HINT}\n`) ? source : `${COMPILE_HINT}\n${source}`
}

/** The chunks Next.js loads on every App Router page, as paths relative to the build directory. */
export function frameworkChunks(buildManifest: unknown): string[] {
  const files = (buildManifest as { rootMainFiles?: unknown } | null)?.rootMainFiles
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === 'string')) {
    throw new Error('build-manifest.json has no "rootMainFiles" list: is this a Next.js App Router build?')
  }
  return files.filter((file) => file.endsWith('.js'))
}

/** Adds the hint to the framework chunks of the build in `distDir`; returns the chunks it changed. */
export function addCompileHints(distDir: string): string[] {
  const manifestPath = path.join(distDir, 'build-manifest.json')
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`next build\` first`)
  const chunks = frameworkChunks(JSON.parse(fs.readFileSync(manifestPath, 'utf8')))
  const missing = chunks.find((file) => !fs.existsSync(path.join(distDir, file)))
  if (missing) throw new Error(`${missing} is listed in build-manifest.json but missing from ${distDir}`)

  const changed: string[] = []
  for (const file of chunks) {
    const chunkPath = path.join(distDir, file)
    const source = fs.readFileSync(chunkPath, 'utf8')
    const hinted = withCompileHint(source)
    if (hinted !== source) {
      fs.writeFileSync(chunkPath, hinted)
      changed.push(file)
    }
  }
  return changed
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const distDir = path.resolve(import.meta.dirname, '..', '.next')
  try {
    const changed = addCompileHints(distDir)
    console.error(
      `Compile hints: ${changed.length === 0 ? 'framework chunks already marked' : `marked ${changed.join(', ')}`}`,
    )
  } catch (error) {
    console.error(`Compile hints: ${(error as Error).message}`)
    process.exit(1)
  }
}

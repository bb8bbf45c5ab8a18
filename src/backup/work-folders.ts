// The hidden folders a backup or restore prepares its files in, next to the file it will rename into
// place. Each name carries the process id of its owner: a folder whose owner is gone was left by a run
// that was killed (a signal lets a run remove its own), and the next run for the same file removes it.
import fsp from 'node:fs/promises'
import path from 'node:path'

export type WorkKind = 'partial' | 'restore'

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function ownerPattern(target: string, kind: WorkKind): RegExp {
  return new RegExp(`^\\.${escapeForPattern(path.basename(target))}\\.${kind}-(\\d+)-`)
}

/** Whether a process with this id runs on this machine (one owned by another user counts as running). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A new work folder next to `target`, on its file system, so that the final step is a rename. */
export async function makeWorkFolder(target: string, kind: WorkKind): Promise<string> {
  await fsp.mkdir(path.dirname(target), { recursive: true })
  return fsp.mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${process.pid}-`))
}

/** Removes the work folders for `target` whose owner is no longer running; returns their paths. */
export async function removeAbandonedWorkFolders(target: string, kind: WorkKind): Promise<string[]> {
  const folder = path.dirname(target)
  const pattern = ownerPattern(target, kind)
  let names: string[]
  try {
    names = await fsp.readdir(folder)
  } catch {
    return [] // no folder yet, so nothing was left in it
  }
  const abandoned = names
    .map((name) => ({ name, owner: pattern.exec(name)?.[1] }))
    .filter(({ owner }) => owner !== undefined && !processIsRunning(Number(owner)))
    .map(({ name }) => path.join(folder, name))
  for (const leftover of abandoned) await fsp.rm(leftover, { recursive: true, force: true })
  return abandoned
}

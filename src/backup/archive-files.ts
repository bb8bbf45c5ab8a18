// File helpers both commands share: checksums, listing a media folder, sizes for people.
import crypto from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export type MediaFile = { relativePath: string; bytes: number }

/** Every regular file under `directory`, with forward-slash paths relative to it; [] when it does not exist. */
export async function listMediaFiles(directory: string): Promise<MediaFile[]> {
  const files: MediaFile[] = []
  const walk = async (relative: string): Promise<void> => {
    let entries: fs.Dirent[]
    try {
      entries = await fsp.readdir(path.join(directory, relative), { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && relative === '') return
      throw error
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const entryPath = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(entryPath)
      else if (entry.isFile())
        files.push({ relativePath: entryPath, bytes: (await fsp.stat(path.join(directory, entryPath))).size })
    }
  }
  await walk('')
  return files
}

export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/**
 * Flushes a written file to disk, so a rename that follows never publishes a name whose bytes a power cut could
 * lose.
 */
export async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export const exists = (file: string) => fs.existsSync(file)

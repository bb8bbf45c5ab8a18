import fs from 'node:fs'

/** Removes the database folder the config made; a database given in CLOUDLEX_SCALE_DB is kept. */
export default function removeScaleDatabase(): void {
  const directory = process.env.CLOUDLEX_SCALE_TEMP_DIR
  if (directory) fs.rmSync(directory, { recursive: true, force: true })
}

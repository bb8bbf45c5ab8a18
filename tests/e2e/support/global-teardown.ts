import fs from 'node:fs'

export default function removeE2eDatabase(): void {
  const directory = process.env.CLOUDLEX_E2E_DIR
  if (directory) fs.rmSync(directory, { recursive: true, force: true })
}

// The system Chromium that the e2e suite and the Lighthouse script drive: where it is, and the flags
// that keep it from reaching the network or needing a sandbox this machine cannot give it.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function systemChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROME_PATH || env.CHROMIUM_PATH || '/usr/bin/chromium'
}

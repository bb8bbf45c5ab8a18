// Runs a CLI whose output may be piped: waits until stdout and stderr are flushed before exiting,
// because Payload keeps handles open and an early process.exit would cut a piped JSON short.
import type { CliIo } from '@/content-transfer/import-cli'

export async function runCli(main: (argv: string[], io: CliIo) => Promise<number>): Promise<never> {
  const pending: Promise<void>[] = []
  const writer = (stream: NodeJS.WriteStream) => (text: string) => {
    pending.push(new Promise((resolve) => stream.write(`${text}\n`, () => resolve())))
  }
  const code = await main(process.argv.slice(2), { stdout: writer(process.stdout), stderr: writer(process.stderr) })
  await Promise.all(pending)
  process.exit(code)
}

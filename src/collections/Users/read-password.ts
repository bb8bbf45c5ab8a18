// Reads a password from stdin for a command-line tool: at a prompt with the typing hidden when stdin is a
// terminal, else the first line of whatever is piped in.
import { Writable } from 'node:stream'
import readline from 'node:readline/promises'

async function firstLineOfPipe(input: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of input) text += String(chunk)
  return text.split(/\r?\n/)[0] ?? ''
}

async function hiddenPrompt(prompt: string): Promise<string> {
  let muted = false
  // Echoes the prompt, then swallows what the terminal would print of the typed characters.
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const lines = readline.createInterface({ input: process.stdin, output, terminal: true })
  const answer = lines.question(prompt)
  muted = true
  const password = await answer
  lines.close()
  process.stderr.write('\n')
  return password
}

export function readPasswordFromStdin(prompt = 'Password (at least 12 characters, not shown): '): Promise<string> {
  return process.stdin.isTTY ? hiddenPrompt(prompt) : firstLineOfPipe(process.stdin)
}

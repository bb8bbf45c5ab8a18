// The repository's nginx config (deploy/nginx/cloudlex.conf.template) in front of app instances on
// loopback, for the multi-instance tests and `npm run bench -- --proxy`: rendered for the given
// instances into a temp folder, checked with `nginx -t`, and run in the foreground as the current user
// with every file it writes (cache, temp bodies, logs, pid) inside that folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { freePort, REPOSITORY_ROOT } from './app-instance'

export const NGINX_BINARY = process.env.NGINX_PATH || '/usr/sbin/nginx'
export const SITE_TEMPLATE_FILE = path.join(REPOSITORY_ROOT, 'deploy/nginx/cloudlex.conf.template')

const INSTANCE_PLACEHOLDER = '${CLOUDLEX_INSTANCE}'
const LISTEN_PLACEHOLDER = '${CLOUDLEX_LISTEN}'
const CACHE_DIR_PLACEHOLDER = '${CLOUDLEX_CACHE_DIR}'
const READY_TIMEOUT_MS = 10_000
const STOP_GRACE_MS = 5_000

export type SiteSettings = {
  /** host:port of each app instance. */
  instances: string[]
  listen: string
  cacheDir: string
}

/**
 * The template with its placeholders filled in, as the README tells an operator to do: the instance's
 * `server` line once per instance, the listen address and the cache folder.
 */
export function renderSiteConfig(template: string, { instances, listen, cacheDir }: SiteSettings): string {
  if (instances.length === 0) throw new Error('the nginx config needs at least one app instance')
  const lines = template.split('\n')
  const instanceLines = lines.filter((line) => line.includes(INSTANCE_PLACEHOLDER) && !line.trimStart().startsWith('#'))
  if (instanceLines.length !== 1) {
    throw new Error(
      `the nginx template must have exactly one server line with ${INSTANCE_PLACEHOLDER}; it has ${instanceLines.length}`,
    )
  }
  const rendered = lines
    .flatMap((line) =>
      line === instanceLines[0] ? instances.map((instance) => line.replace(INSTANCE_PLACEHOLDER, instance)) : [line],
    )
    .filter((line) => !line.trimStart().startsWith('#') || !line.includes('${CLOUDLEX_'))
    .join('\n')
    .replaceAll(LISTEN_PLACEHOLDER, listen)
    .replaceAll(CACHE_DIR_PLACEHOLDER, cacheDir)
  const left = rendered.match(/\$\{CLOUDLEX_[A-Z_]+\}/)
  if (left) throw new Error(`the nginx template has a placeholder nothing fills in: ${left[0]}`)
  return rendered
}

/** A whole nginx.conf around the site config, with every path nginx writes inside `workDir`. */
export function loopbackMainConfig({
  workDir,
  siteFile,
  accessLog,
}: {
  workDir: string
  siteFile: string
  accessLog: boolean
}): string {
  const inWorkDir = (name: string) => path.join(workDir, name)
  // Started as root, nginx would hand its workers to `nobody`, who cannot write in a private temp folder.
  const user = process.getuid?.() === 0 ? ['user root root;'] : []
  return [
    ...user,
    // One worker: the bench compares nginx with a single-process Node ceiling on the same two cores.
    'worker_processes 1;',
    `pid ${inWorkDir('nginx.pid')};`,
    `error_log ${inWorkDir('error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    accessLog ? `    log_format cache '$request $status $upstream_cache_status $upstream_addr';` : '',
    accessLog ? `    access_log ${inWorkDir('access.log')} cache;` : '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `    ${kind}_temp_path ${inWorkDir(`${kind}-temp`)};`,
    ),
    `    include ${siteFile};`,
    '}',
    '',
  ].join('\n')
}

export type NginxProxy = {
  url: string
  port: number
  process: ChildProcess
  /** nginx's error log so far, for a failing test's message. */
  errorLog: () => string
  /** Stops nginx (graceful, then SIGKILL) and removes its folder. */
  stop: () => Promise<void>
}

export type NginxProxyOptions = {
  /** host:port of each app instance nginx balances. */
  upstreams: string[]
  port?: number
  /** Keep an access log with each request's cache status (off for the bench). */
  accessLog?: boolean
}

function runNginx(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(NGINX_BINARY, args, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}`.trim() })
    })
  })
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = http.get(url, { timeout: 1_000 }, (response) => {
      response.resume()
      resolve(true)
    })
    probe.on('timeout', () => probe.destroy())
    probe.on('error', () => resolve(false))
  })
}

export async function startNginxProxy({
  upstreams,
  port: askedPort,
  accessLog = true,
}: NginxProxyOptions): Promise<NginxProxy> {
  if (!fs.existsSync(NGINX_BINARY)) {
    throw new Error(`No nginx at ${NGINX_BINARY}: install it with "apt-get install -y nginx", or set NGINX_PATH.`)
  }
  const port = askedPort ?? (await freePort())
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-nginx-'))
  const siteFile = path.join(workDir, 'cloudlex.conf')
  const mainFile = path.join(workDir, 'nginx.conf')
  const errorLogFile = path.join(workDir, 'error.log')
  const site = renderSiteConfig(fs.readFileSync(SITE_TEMPLATE_FILE, 'utf8'), {
    instances: upstreams,
    listen: `127.0.0.1:${port}`,
    cacheDir: path.join(workDir, 'cache'),
  })
  fs.writeFileSync(siteFile, site)
  fs.writeFileSync(mainFile, loopbackMainConfig({ workDir, siteFile, accessLog }))
  // -e: nginx opens its compiled-in error log (/var/log/nginx) before reading the config otherwise.
  const baseArgs = ['-p', workDir, '-c', mainFile, '-e', errorLogFile]
  const removeWorkDir = () => fs.rmSync(workDir, { recursive: true, force: true })

  const check = await runNginx([...baseArgs, '-t'])
  if (check.code !== 0) {
    removeWorkDir()
    throw new Error(`nginx -t refused the rendered config:\n${check.output}`)
  }

  const child = spawn(NGINX_BINARY, [...baseArgs, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const errorLog = () => `${fs.existsSync(errorLogFile) ? fs.readFileSync(errorLogFile, 'utf8') : ''}${output}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT') // nginx's graceful stop: finish the requests in flight
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
      await exited
      clearTimeout(timer)
    }
    removeWorkDir()
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = errorLog()
      await stop()
      throw new Error(`nginx did not answer on ${url}:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, port, process: child, errorLog, stop }
}

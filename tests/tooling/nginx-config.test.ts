import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { KEEP_ALIVE_TIMEOUT_MS } from '@/server/connection-timeouts'
import { SESSION_COOKIES } from '@/site-cache/session-cookies'

import { REPOSITORY_ROOT } from '../support/app-instance'
import { loopbackMainConfig, NGINX_BINARY, renderSiteConfig, SITE_TEMPLATE_FILE } from '../support/nginx-proxy'

const template = fs.readFileSync(SITE_TEMPLATE_FILE, 'utf8')
const settings = {
  instances: ['10.0.0.5:3001', '10.0.0.6:3001'],
  listen: '127.0.0.1:8080',
  cacheDir: '/var/cache/nginx/cloudlex',
}

describe('the nginx config in deploy/nginx', () => {
  it('gets one upstream server line per app instance, each with the template’s failure settings', () => {
    const servers = renderSiteConfig(template, settings)
      .split('\n')
      .filter((line) => /^\s*server\s+[^{\s]/.test(line))
    expect(servers.map((line) => line.trim())).toEqual([
      'server 10.0.0.5:3001 max_fails=1 fail_timeout=10s;',
      'server 10.0.0.6:3001 max_fails=1 fail_timeout=10s;',
    ])
  })

  it('fills in the listen address and the cache folder and leaves no placeholder behind', () => {
    const rendered = renderSiteConfig(template, settings)
    expect(rendered).toContain('listen 127.0.0.1:8080;')
    expect(rendered).toContain('proxy_cache_path /var/cache/nginx/cloudlex ')
    expect(rendered).not.toContain('${CLOUDLEX_')
  })

  it('refuses a config without app instances', () => {
    expect(() => renderSiteConfig(template, { ...settings, instances: [] })).toThrow('at least one app instance')
  })

  it('refuses a template whose instance line is gone, rather than leaving nginx without upstreams', () => {
    const withoutInstance = template.replace(/^.*server \$\{CLOUDLEX_INSTANCE\}.*$/m, '')
    expect(() => renderSiteConfig(withoutInstance, settings)).toThrow('exactly one server line')
  })

  it('gives up an idle connection to an instance before the instance closes it', () => {
    const upstream = /^upstream cloudlex_app \{$[\s\S]*?^\}$/m.exec(template)?.[0]
    const idle = upstream && /^\s*keepalive_timeout (\d+)s;/m.exec(upstream)?.[1]
    expect(idle, 'keepalive_timeout in seconds in the upstream block').toBeDefined()
    expect(Number(idle) * 1000).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS)
  })

  it('bypasses the cache for every cookie the app treats as a session (src/site-cache/session-cookies.ts)', () => {
    const cookieMap = /map \$http_cookie \$cloudlex_session_cookie \{[^}]*"~(?<pattern>[^"]+)" 1;/.exec(template)
      ?.groups?.pattern
    expect(cookieMap, 'the session-cookie map in the template').toBeDefined()
    const matches = (cookieHeader: string) => new RegExp(cookieMap!).test(cookieHeader)
    for (const name of SESSION_COOKIES) {
      expect(matches(`${name}=abc`), name).toBe(true)
      expect(matches(`theme=dark; ${name}=abc`), `${name} after another cookie`).toBe(true)
      expect(matches(`my-${name}=abc`), `a cookie whose name ends in ${name}`).toBe(false)
    }
    expect(matches('theme=dark; consent=yes')).toBe(false)
  })

  it('keeps every file nginx writes inside its own folder when run for the tests and the bench', () => {
    const main = loopbackMainConfig({ workDir: '/tmp/n', siteFile: '/tmp/n/cloudlex.conf', accessLog: false })
    const paths = [...main.matchAll(/^\s*(?:pid|error_log|\w+_temp_path|include)\s+(\S+?);?(?:\s|$)/gm)].map(
      (match) => match[1],
    )
    expect(paths.length).toBeGreaterThanOrEqual(8)
    for (const written of paths) expect(written).toMatch(/^\/tmp\/n\//)
    expect(main).toContain('access_log off;')
  })
})

const RENDER_SCRIPT = path.join(REPOSITORY_ROOT, 'deploy/nginx/render-config.sh')

const temporaryFolders: string[] = []
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

function temporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-render-config-'))
  temporaryFolders.push(folder)
  return folder
}

/** Runs the script as the proxy container does: POSIX sh, settings in the environment. */
function runRenderScript({ instances, listen, cacheDir }: typeof settings, templateFile?: string) {
  const result = spawnSync('sh', [RENDER_SCRIPT, ...(templateFile ? [templateFile] : [])], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CLOUDLEX_INSTANCES: instances.join(' '),
      CLOUDLEX_LISTEN: listen,
      CLOUDLEX_CACHE_DIR: cacheDir,
    },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('deploy/nginx/render-config.sh', () => {
  it('renders byte for byte what the tests’ harness renders', () => {
    const rendered = runRenderScript(settings)
    expect(rendered.stderr).toBe('')
    expect(rendered.status).toBe(0)
    expect(rendered.stdout).toBe(renderSiteConfig(template, settings))
  })

  it('writes each instance’s server line and leaves no placeholder behind', () => {
    const { stdout } = runRenderScript({ ...settings, instances: ['app:3000', 'app-2:3000'] })
    expect(stdout).toContain(
      '    server app:3000 max_fails=1 fail_timeout=10s;\n    server app-2:3000 max_fails=1 fail_timeout=10s;\n',
    )
    expect(stdout).not.toContain('${CLOUDLEX_')
  })

  it('renders a config nginx accepts', () => {
    if (!fs.existsSync(NGINX_BINARY)) {
      throw new Error(`No nginx at ${NGINX_BINARY}: install it with "apt-get install -y nginx", or set NGINX_PATH.`)
    }
    const workDir = temporaryFolder()
    const siteFile = path.join(workDir, 'cloudlex.conf')
    const mainFile = path.join(workDir, 'nginx.conf')
    const rendered = runRenderScript({
      instances: ['127.0.0.1:3001', '127.0.0.1:3002'],
      listen: '127.0.0.1:8080',
      cacheDir: path.join(workDir, 'cache'),
    })
    expect(rendered.status).toBe(0)
    fs.writeFileSync(siteFile, rendered.stdout)
    fs.writeFileSync(mainFile, loopbackMainConfig({ workDir, siteFile, accessLog: false }))
    const check = spawnSync(
      NGINX_BINARY,
      ['-p', workDir, '-c', mainFile, '-e', path.join(workDir, 'error.log'), '-t'],
      { encoding: 'utf8' },
    )
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0)
  })

  it('refuses to render without an app instance, and prints nothing', () => {
    const rendered = runRenderScript({ ...settings, instances: [' '] })
    expect(rendered.status).not.toBe(0)
    expect(rendered.stderr).toContain('at least one app instance')
    expect(rendered.stdout).toBe('')
  })

  it('refuses a template whose instance line is gone, and prints nothing', () => {
    const withoutInstance = path.join(temporaryFolder(), 'cloudlex.conf.template')
    fs.writeFileSync(withoutInstance, template.replace(/^.*server \$\{CLOUDLEX_INSTANCE\}.*$/m, ''))
    const rendered = runRenderScript(settings, withoutInstance)
    expect(rendered.status).not.toBe(0)
    expect(rendered.stderr).toContain('exactly one server line')
    expect(rendered.stdout).toBe('')
  })

  it('refuses a template with a placeholder it does not know, and prints nothing', () => {
    const withUnknown = path.join(temporaryFolder(), 'cloudlex.conf.template')
    fs.writeFileSync(withUnknown, template.replace('keepalive 32;', 'keepalive ${CLOUDLEX_KEEPALIVE};'))
    const rendered = runRenderScript(settings, withUnknown)
    expect(rendered.status).not.toBe(0)
    expect(rendered.stderr).toContain('${CLOUDLEX_KEEPALIVE}')
    expect(rendered.stdout).toBe('')
  })
})

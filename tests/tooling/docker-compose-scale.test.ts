// `docker compose --profile scale up`: two app instances from one definition, Redis and nginx in front.
// No Docker engine runs in CI, so the file is held to what those services rely on, and the proxy's start
// command is run here with its paths moved into a temp folder.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { parseTrustedProxies } from '@/server/resolve-client-address'

import { renderSiteConfig, SITE_TEMPLATE_FILE } from '../support/nginx-proxy'
import {
  asArgs,
  bindMounts,
  compose,
  dependenciesOf,
  environmentOf,
  publishedPorts,
  readRepoFile,
  repoRoot,
  service,
  servicesInProfile,
} from './support/compose-file'

const APP_INSTANCES = ['app', 'app-2']
/** Keys an instance may set for itself; everything else comes from the shared definition. */
const PER_INSTANCE_KEYS = new Set(['ports', 'profiles', 'depends_on'])

function flagValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag)
  return at === -1 ? undefined : args[at + 1]
}

/** The proxy's start script as the shell inside the container gets it (Compose turns `$$` into `$`). */
function proxyStartScript(): string {
  const [shell, flag, script] = asArgs(service('proxy').command)
  if (shell !== 'sh' || flag !== '-c' || !script) throw new Error('the proxy command must be ["sh", "-c", <script>]')
  // A single $ would be filled in by Compose from the host's environment before the shell saw it.
  if (script.replaceAll('$$', '').includes('$'))
    throw new Error('the proxy command has a $ Compose would interpolate; write $$')
  return script.replaceAll('$$', '$')
}

/** The settings the proxy's start script asks for, as NAME=example pairs from its message. */
function settingsTheProxyAsksFor(): Map<string, string> {
  return new Map(
    [...proxyStartScript().matchAll(/missing="\$\{missing\} ([A-Z_]+)=(\S+)"/g)].map((match) => [match[1]!, match[2]!]),
  )
}

const temporaryFolders: string[] = []
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

/**
 * Runs the proxy's start script with /etc/nginx moved into a temp folder (deploy/nginx mounted where the
 * container has it) and an `nginx` on PATH that records how it was started.
 */
function runProxyStart(settings: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-proxy-start-'))
  temporaryFolders.push(root)
  const etcNginx = path.join(root, 'etc-nginx')
  const mount = bindMounts(service('proxy')).find((mounted) => mounted.source === path.normalize('./deploy/nginx'))
  if (!mount?.target.startsWith('/etc/nginx/')) throw new Error('the proxy must mount ./deploy/nginx under /etc/nginx/')
  fs.mkdirSync(path.join(etcNginx, 'conf.d'), { recursive: true })
  fs.cpSync(path.join(repoRoot, 'deploy/nginx'), path.join(etcNginx, mount.target.slice('/etc/nginx/'.length)), {
    recursive: true,
  })
  const bin = path.join(root, 'bin')
  fs.mkdirSync(bin)
  fs.writeFileSync(path.join(bin, 'nginx'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${root}/nginx-args'\n`, { mode: 0o755 })

  const script = proxyStartScript().replaceAll('/etc/nginx/', `${etcNginx}/`)
  const result = spawnSync('sh', ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ...environmentOf(service('proxy')), ...settings },
  })
  const readIfThere = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null)
  return {
    status: result.status,
    stderr: result.stderr,
    siteConfig: readIfThere(path.join(etcNginx, 'conf.d/default.conf')),
    nginxArgs: readIfThere(path.join(root, 'nginx-args'))?.trim().split('\n') ?? null,
  }
}

describe('docker-compose.yml, scale profile', () => {
  it('adds exactly a second app instance, Redis and nginx', () => {
    expect(servicesInProfile('scale').sort()).toEqual(['app-2', 'proxy', 'redis'])
  })

  it('builds the second instance from the same definition as the first', () => {
    const [first, second] = APP_INSTANCES.map((name) => service(name) as Record<string, unknown>)
    const shared = new Set(
      [...Object.keys(first!), ...Object.keys(second!)].filter((key) => !PER_INSTANCE_KEYS.has(key)),
    )
    expect([...shared]).toEqual(expect.arrayContaining(['build', 'environment', 'volumes', 'restart']))
    for (const key of shared) expect(second![key], key).toEqual(first![key])
  })

  it('starts the second instance only once the first is healthy, after the first start has set up the database', () => {
    const dependencies = dependenciesOf(service('app-2'))
    expect(dependencies.app?.condition).toBe('service_healthy')
    expect(dependencies).toMatchObject(dependenciesOf(service('app')))
    // Health comes from the image: the Dockerfile's HEALTHCHECK, which Compose must not switch off.
    expect(readRepoFile('Dockerfile')).toMatch(/^HEALTHCHECK .*\\\n\s+CMD node -e .*\/api\//m)
    for (const name of APP_INSTANCES) expect(service(name).healthcheck, name).toBeUndefined()
  })

  it('has every app instance wait for Redis when the profile runs it, and not need it otherwise', () => {
    for (const name of APP_INSTANCES) {
      expect(dependenciesOf(service(name)).redis, name).toEqual({ condition: 'service_healthy', required: false })
    }
  })

  it('publishes no host port twice, and only on the loopback interface', () => {
    const ports = Object.values(compose.services ?? {}).flatMap(publishedPorts)
    expect(new Set(ports.map((port) => port.hostPort)).size).toBe(ports.length)
    for (const port of ports) expect(port.hostAddress).toBe('127.0.0.1')
    expect(service('app-2').ports).toBeUndefined()
    expect(publishedPorts(service('proxy'))).toEqual([{ hostAddress: '127.0.0.1', hostPort: 8080, containerPort: 80 }])
  })

  it('runs the official Redis 7 and nginx 1 images pinned to a major.minor version', () => {
    expect(service('redis').image).toMatch(/^redis:7\.\d+(\.\d+)?$/)
    expect(service('proxy').image).toMatch(/^nginx:1\.\d+(\.\d+)?$/)
  })

  it('starts Redis with keyspace events for expired and evicted keys and least-recently-used eviction under a cap', () => {
    const args = asArgs(service('redis').command)
    expect(args[0]).toBe('redis-server')
    expect([...(flagValue(args, '--notify-keyspace-events') ?? '')].sort()).toEqual(
      expect.arrayContaining(['E', 'e', 'x']),
    )
    expect(flagValue(args, '--maxmemory')).toMatch(/^\d+(mb|gb)$/)
    expect(flagValue(args, '--maxmemory-policy')).toBe('allkeys-lru')
    expect(flagValue(args, '--port')).toBeUndefined()
  })

  it('reports Redis healthy only when it answers a ping', () => {
    expect(asArgs(service('redis').healthcheck?.test).join(' ')).toMatch(/redis-cli ping \| grep -q PONG/)
  })

  it('hands the instances their shared settings from the environment, with the ones the proxy needs named', () => {
    for (const name of APP_INSTANCES) {
      const env = environmentOf(service(name))
      expect(env.REDIS_URL, name).toBe('${REDIS_URL:-}')
      expect(env.TRUSTED_PROXIES, name).toBe('${TRUSTED_PROXIES:-}')
    }
    const asked = settingsTheProxyAsksFor()
    expect([...asked.keys()].sort()).toEqual(['REDIS_URL', 'SERVER_URL', 'TRUSTED_PROXIES'])
    const redis = new URL(asked.get('REDIS_URL')!)
    expect(servicesInProfile('scale')).toContain(redis.hostname)
    expect(service(redis.hostname).image).toMatch(/^redis:/)
    expect(redis.port).toBe('6379')
    const { hostPort } = publishedPorts(service('proxy'))[0]!
    expect(asked.get('SERVER_URL')).toBe(`http://localhost:${hostPort}`)
  })

  it('trusts the proxy’s address on any of Docker’s private networks with the TRUSTED_PROXIES it asks for', () => {
    const trusted = parseTrustedProxies(settingsTheProxyAsksFor().get('TRUSTED_PROXIES'))
    for (const dockerAddress of ['172.17.0.3', '172.18.0.5', '172.31.255.2', '192.168.16.4', '10.0.1.7']) {
      expect(trusted(dockerAddress, 0), dockerAddress).toBe(true)
    }
    expect(trusted('203.0.113.9', 0)).toBe(false)
  })

  it('documents the scale command in the README with the settings the proxy asks for', () => {
    const readme = readRepoFile('README.md')
    // Not toContain: a failure would print the whole README.
    const documented = (text: string) => expect(readme.includes(text), text).toBe(true)
    documented('docker compose --profile scale up')
    for (const [name, example] of settingsTheProxyAsksFor()) documented(`${name}=${example}`)
  })

  it('starts the proxy after both instances are healthy, and again when Compose recreates one', () => {
    const dependencies = dependenciesOf(service('proxy'))
    for (const name of APP_INSTANCES)
      expect(dependencies[name], name).toEqual({ condition: 'service_healthy', restart: true })
  })

  it('mounts deploy/nginx read-only and balances over every app instance on its port', () => {
    expect(bindMounts(service('proxy'))).toContainEqual(
      expect.objectContaining({ source: path.normalize('./deploy/nginx'), readOnly: true }),
    )
    const instances = environmentOf(service('proxy')).CLOUDLEX_INSTANCES?.split(/\s+/)
    expect(instances).toEqual(APP_INSTANCES.map((name) => `${name}:3000`))
    expect(readRepoFile('Dockerfile')).toMatch(/^\s+PORT=3000\b/m)
  })

  it('refuses to start the proxy while a setting the instances need behind it is missing', () => {
    const started = runProxyStart({ APP_REDIS_URL: '', APP_TRUSTED_PROXIES: '', APP_SERVER_URL: '' })
    expect(started.status).toBe(1)
    for (const name of settingsTheProxyAsksFor().keys()) expect(started.stderr).toContain(name)
    expect(started.nginxArgs).toBeNull()

    const withoutRedis = runProxyStart({
      APP_REDIS_URL: '',
      APP_TRUSTED_PROXIES: 'uniquelocal',
      APP_SERVER_URL: 'http://localhost:8080',
    })
    expect(withoutRedis.status).toBe(1)
    expect(withoutRedis.stderr).toContain('REDIS_URL=redis://redis:6379')
    expect(withoutRedis.stderr).not.toContain('TRUSTED_PROXIES')
  })

  it('renders the nginx config for both instances at start, then runs nginx in the foreground', () => {
    const started = runProxyStart({
      APP_REDIS_URL: 'redis://redis:6379',
      APP_TRUSTED_PROXIES: 'uniquelocal',
      APP_SERVER_URL: 'http://localhost:8080',
    })
    expect(started.stderr).toBe('')
    expect(started.status).toBe(0)
    const env = environmentOf(service('proxy'))
    const expected = renderSiteConfig(fs.readFileSync(SITE_TEMPLATE_FILE, 'utf8'), {
      instances: APP_INSTANCES.map((name) => `${name}:3000`),
      listen: env.CLOUDLEX_LISTEN!,
      cacheDir: env.CLOUDLEX_CACHE_DIR!,
    })
    expect(started.siteConfig).toBe(expected)
    expect(started.nginxArgs).toEqual(['-g', 'daemon off;'])
  })
})

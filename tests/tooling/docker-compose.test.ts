// No Docker engine runs in CI, so these checks hold the container setup to what `docker compose up` relies on.
// The scale profile (several instances, Redis, nginx) is checked in docker-compose-scale.test.ts.
import { describe, expect, it } from 'vitest'

import { STOP_GRACE_MS } from '@/shutdown/stopping'

import {
  asArgs,
  compose,
  environmentOf,
  namedVolumeMounts,
  readRepoFile,
  service,
  servicesWithoutProfile,
} from './support/compose-file'

function replicaSetName(): string {
  const args = asArgs(service('mongo').command)
  const flag = args.indexOf('--replSet')
  const name = flag === -1 ? undefined : args[flag + 1]
  if (!name) throw new Error('mongo command has no --replSet <name>')
  return name
}

function mongoHealthcheckScript(): string {
  return asArgs(service('mongo').healthcheck?.test).join(' ')
}

describe('docker-compose.yml', () => {
  it('starts exactly a mongo and an app service when no profile is chosen', () => {
    expect(servicesWithoutProfile().sort()).toEqual(['app', 'mongo'])
  })

  it('runs the official mongo image pinned to a major.minor version', () => {
    expect(service('mongo').image).toMatch(/^mongo:\d+\.\d+(\.\d+)?$/)
  })

  it('starts mongod as a replica-set member reachable from other containers', () => {
    const args = asArgs(service('mongo').command)
    expect(args).toContain('--bind_ip_all')
    expect(replicaSetName()).toBe('rs0')
  })

  it('initiates the single-node replica set from the mongo healthcheck', () => {
    const script = mongoHealthcheckScript()
    expect(script).toContain('mongosh')
    expect(script).toContain('rs.initiate(')
    expect(script).toMatch(new RegExp(`_id:\\s*['"]${replicaSetName()}['"]`))
    expect(script).toMatch(/host:\s*['"]mongo:27017['"]/)
  })

  it('reports mongo healthy only once the replica set has a primary', () => {
    expect(mongoHealthcheckScript()).toMatch(/PRIMARY|isWritablePrimary/)
  })

  it('retries the mongo healthcheck on an interval long enough for the first election', () => {
    const healthcheck = service('mongo').healthcheck
    expect(healthcheck?.interval).toMatch(/^\d+(ms|s|m)$/)
    expect(healthcheck?.retries).toBeGreaterThanOrEqual(5)
  })

  it('keeps the mongo data in a declared named volume', () => {
    const volume = namedVolumeMounts(service('mongo')).get('/data/db')
    expect(volume).toBeDefined()
    expect(Object.keys(compose.volumes ?? {})).toContain(volume)
  })

  it('builds the app from the repository root', () => {
    const build = service('app').build
    expect(typeof build === 'string' ? build : build?.context).toBe('.')
  })

  it('starts the app only after mongo is healthy', () => {
    const dependsOn = service('app').depends_on
    expect(Array.isArray(dependsOn)).toBe(false)
    expect((dependsOn as Record<string, { condition?: string }>).mongo?.condition).toBe('service_healthy')
  })

  it('points the app at the mongo service through the same replica set', () => {
    const uri = environmentOf(service('app')).DATABASE_URI ?? ''
    expect(uri.startsWith('mongodb://mongo:27017/')).toBe(true)
    expect(new URL(uri).searchParams.get('replicaSet')).toBe(replicaSetName())
  })

  it('refuses to start without PAYLOAD_SECRET instead of falling back to a default', () => {
    const secret = environmentOf(service('app')).PAYLOAD_SECRET
    expect(secret).toMatch(/^\$\{PAYLOAD_SECRET:\?[^}]+\}$/)
  })

  it('publishes the app on port 3000 of the loopback interface only, and restarts it unless stopped', () => {
    const app = service('app')
    expect(app.ports?.map(String)).toEqual(['127.0.0.1:3000:3000'])
    expect(app.restart).toBe('unless-stopped')
  })

  it('lets the app take longer to stop than the server’s own grace, so that a stop is not cut by SIGKILL', () => {
    const [, seconds] = /^(\d+)s$/.exec(service('app').stop_grace_period ?? '') ?? []
    expect(Number(seconds) * 1000).toBeGreaterThan(STOP_GRACE_MS)
  })

  it('passes the operator’s admin account and trusted proxies through, without defaults', () => {
    const env = environmentOf(service('app'))
    expect(env.CLOUDLEX_ADMIN_EMAIL).toBe('${CLOUDLEX_ADMIN_EMAIL:-}')
    expect(env.CLOUDLEX_ADMIN_PASSWORD).toBe('${CLOUDLEX_ADMIN_PASSWORD:-}')
    expect(env.TRUSTED_PROXIES).toBe('${TRUSTED_PROXIES:-}')
  })

  it('keeps uploaded media in a declared named volume', () => {
    const volume = namedVolumeMounts(service('app')).get('/app/media')
    expect(volume).toBeDefined()
    expect(Object.keys(compose.volumes ?? {})).toContain(volume)
  })
})

/** Dockerfile instructions with line continuations joined and comments dropped. */
function dockerfileInstructions(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

describe('Dockerfile', () => {
  const instructions = dockerfileInstructions(readRepoFile('Dockerfile'))
  const lastFrom = instructions.findLastIndex((line) => /^FROM\s/i.test(line))
  const runtimeStage = instructions.slice(lastFrom)
  const runtime = (keyword: string) => runtimeStage.filter((line) => line.toUpperCase().startsWith(`${keyword} `))

  it('builds in several stages, all on Node 20', () => {
    const froms = instructions.filter((line) => /^FROM\s/i.test(line))
    expect(froms.length).toBeGreaterThanOrEqual(2)
    for (const from of froms) expect(from).toMatch(/^FROM\s+node:20\b/i)
  })

  it('runs the server as a non-root user', () => {
    const users = runtime('USER')
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i)
  })

  it('ships the build, production dependencies only, the seed content and the Cloudlex server', () => {
    const copies = runtime('COPY').join('\n')
    expect(copies).toMatch(/\/app\/\.next \.\/\.next$/m)
    expect(copies).toMatch(/\bseed\b/)
    expect(copies).toMatch(/\bsrc\b/)
    const dependencyStage = copies.match(/--from=(\S+) \/app\/node_modules/)?.[1]
    expect(dependencyStage).toBeDefined()
    const stageStart = instructions.findIndex((line) =>
      new RegExp(`^FROM\\s.*\\sAS\\s+${dependencyStage}$`, 'i').test(line),
    )
    const stage = instructions.slice(
      stageStart + 1,
      instructions.findIndex((line, index) => index > stageStart && /^FROM\s/i.test(line)),
    )
    expect(stage.join('\n')).toMatch(/npm ci .*--omit=dev/)
    expect(runtime('CMD').at(-1)).toContain('src/server/server.ts')
  })

  it('health-checks the REST API rather than the admin page', () => {
    const healthcheck = runtime('HEALTHCHECK').join('\n')
    expect(healthcheck).toContain('/api/')
    expect(healthcheck).not.toContain('/admin')
  })

  it('never bakes PAYLOAD_SECRET into the image environment', () => {
    const envLines = instructions.filter((line) => /^(ENV|ARG)\s/i.test(line))
    for (const line of envLines) expect(line).not.toMatch(/\bPAYLOAD_SECRET\b/)
  })
})

describe('.dockerignore', () => {
  it('keeps local secrets, dependencies and build output out of the build context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', '.next', 'data', 'media', '.git']))
  })
})

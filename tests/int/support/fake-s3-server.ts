// A loopback stand-in for an S3-compatible service with path-style addresses (/<bucket>/<key>): enough of
// PutObject, HeadObject, GetObject and DeleteObject for Payload's S3 adapter, and a record of every request.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeS3Request = { method: string; bucket: string; key: string }
export type StoredObject = { body: Buffer; contentType: string }

export type FakeS3 = {
  endpoint: string
  requests: FakeS3Request[]
  /** Objects by bucket/key. */
  objects: Map<string, StoredObject>
  close: () => Promise<void>
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const etagOf = (body: Buffer) => `"${createHash('md5').update(body).digest('hex')}"`

async function answer(req: IncomingMessage, res: ServerResponse, fake: FakeS3): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake-s3')
  const [bucket = '', ...keyParts] = url.pathname.slice(1).split('/')
  const key = keyParts.map(decodeURIComponent).join('/')
  const method = req.method ?? 'GET'
  fake.requests.push({ method, bucket, key })
  const id = `${bucket}/${key}`
  const stored = fake.objects.get(id)
  if (method === 'PUT') {
    const body = await readBody(req)
    fake.objects.set(id, { body, contentType: req.headers['content-type'] ?? 'application/octet-stream' })
    res.writeHead(200, { ETag: etagOf(body) }).end()
  } else if (method === 'DELETE') {
    fake.objects.delete(id)
    res.writeHead(204).end()
  } else if ((method === 'HEAD' || method === 'GET') && stored) {
    const headers = {
      'Content-Length': stored.body.length,
      'Content-Type': stored.contentType,
      ETag: etagOf(stored.body),
    }
    res.writeHead(200, headers).end(method === 'GET' ? stored.body : undefined)
  } else if (method === 'HEAD' || method === 'GET') {
    res
      .writeHead(404, { 'Content-Type': 'application/xml' })
      .end(method === 'GET' ? '<Error><Code>NoSuchKey</Code></Error>' : undefined)
  } else {
    res.writeHead(405).end()
  }
}

export async function startFakeS3(): Promise<FakeS3> {
  const fake: FakeS3 = { endpoint: '', requests: [], objects: new Map(), close: async () => {} }
  const server = createServer((req, res) => {
    answer(req, res, fake).catch((error: unknown) => res.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve())
      // The S3 client keeps its connections alive; close would otherwise wait for them.
      server.closeAllConnections()
    })
  return fake
}

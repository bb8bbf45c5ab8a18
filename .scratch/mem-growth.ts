import { openPayloadForCli } from '@/content-transfer/open-payload'
import { importTermBatches } from '@/content-transfer/import-terms'
import { generatedEntry } from '../bench/generated-glossary'
const payload = await openPayloadForCli()
const n = Number(process.argv[2] ?? 3000)
const slugsSorted = Array.from({ length: n }, (_, i) => i).map((i) => ({ i, slug: generatedEntry(i, n).slug })).sort((a, b) => a.slug.localeCompare(b.slug)).map((x) => x.i)
async function* batches() { for (let s = 0; s < n; s += 200) yield slugsSorted.slice(s, s + 200).map((i) => generatedEntry(i, n)) }
const mem = () => { (globalThis as any).gc(); const m = process.memoryUsage(); return `rss ${Math.round(m.rss / 1048576)} heap ${Math.round(m.heapUsed / 1048576)} ext ${Math.round(m.external / 1048576)}` }
console.log('start', mem())
await importTermBatches(payload, batches(), { status: 'published', onProgress: (d) => { if (d % 500 === 0) console.log(d, mem()) } })
console.log('end', mem())
process.exit(0)

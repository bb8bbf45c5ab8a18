export { alt, contentType, default, size } from './opengraph-image'

// Route segment config is read from this file itself; it cannot be re-exported.
export const dynamic = 'force-dynamic'

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-line bg-surface">
      <div className="container-page flex flex-col gap-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
        <p>Cloudlex is an open glossary of cloud-computing terms, with their AWS, Azure, Google Cloud and OCI names.</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href="/search">Search</a>
          </li>
          <li>
            <a href="/feed.xml">Atom feed</a>
          </li>
          <li>
            <a href="/feed.json">JSON feed</a>
          </li>
          <li>
            <a href="/api/terms">REST API</a>
          </li>
        </ul>
      </div>
    </footer>
  )
}

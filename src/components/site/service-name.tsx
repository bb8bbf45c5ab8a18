/**
 * A provider's service for a term, linked to the provider's documentation when known; "No equivalent" when it
 * has none.
 */
export function ServiceName({
  service,
  docUrl,
  noEquivalentClassName,
}: {
  service: string | null
  docUrl: string | null
  noEquivalentClassName: string
}) {
  if (service === null) return <em className={noEquivalentClassName}>No equivalent</em>
  if (!docUrl) return <>{service}</>
  return (
    <a href={docUrl} rel="noopener">
      {service}
      <span className="sr-only"> (documentation)</span>
    </a>
  )
}

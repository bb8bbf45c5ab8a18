// Addresses no route matches. The site and the admin have separate root layouts, so Next has no root
// not-found page of its own for them and would answer with its bare default; routing them here renders
// the site's helpful 404 (../not-found.tsx) inside the site layout instead.
import { notFound } from 'next/navigation'

export default function UnknownPathPage(): never {
  notFound()
}

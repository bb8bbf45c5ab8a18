// How Cloudlex names and describes itself: page titles, feeds, structured data and social cards.
export const SITE_NAME = 'Cloudlex'
export const SITE_TITLE = 'Cloudlex — cloud computing, explained'
export const SITE_DESCRIPTION =
  'A glossary of cloud-computing terms with plain-language analogies, real use cases and the matching AWS, Azure, Google Cloud and OCI services.'
export const GLOSSARY_NAME = 'Cloudlex glossary of cloud-computing terms'

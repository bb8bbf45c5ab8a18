/** Says whether an anonymous API answer came from a cache (HIT) or was just produced (MISS). */
export const API_CACHE_HEADER = 'x-cloudlex-api-cache'

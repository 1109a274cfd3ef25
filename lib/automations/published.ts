/**
 * Published versions are numbered 1, 2, 3...; the simulator freezes drafts it tests as versions
 * numbered -1, -2... (immutable like any version, so runs and graph caches treat them alike).
 * Every query for "the published versions" or "the latest" filters with this (or `version > 0`).
 */
export const PUBLISHED_VERSIONS = { version: { gt: 0 } } as const;

// Feed URLs are untrusted: only http(s) survive, resolved against the feed's own URL so that
// relative links in an embedded feed point at the feed's site, not at the host page.
export function safeHttpUrl(raw: unknown, base: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 4096) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

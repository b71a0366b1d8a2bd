/**
 * Every request path is screened here before any route sees it, so no route can be reached
 * with a path that climbs out of its folder, however the route resolves files later on:
 * ".." or "." segments (also percent-encoded: %2e%2e), encoded separators (%2f, %5c),
 * backslashes, NUL, drive letters and other colons, undecodable escapes, and absolute forms
 * ("//host/..", "http://host/..", "/route//abs/path", anything not starting with "/").
 * Returns why the path is refused, or null when it may be routed.
 */
export function pathEscape(rawPath: string): string | null {
  // "//" anywhere: a protocol-relative target, or an absolute path glued onto a route ("/assets//etc/passwd").
  if (!rawPath.startsWith('/') || rawPath.includes('//')) return 'an absolute or protocol-relative path';
  if (rawPath.includes('\\')) return 'a backslash';
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return 'a malformed escape';
    }
    if (segment === '.' || segment === '..') return 'a "." or ".." segment';
    if (/[/\\\0:]/.test(segment)) return 'an encoded separator, NUL or colon';
  }
  return null;
}

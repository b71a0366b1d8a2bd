/**
 * The Content-Security-Policy of every app document, in Electron (app://) and in the browser
 * shell alike. No 'unsafe-inline' or 'unsafe-eval'; blob: only where recorded audio and the
 * audio worklet need it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

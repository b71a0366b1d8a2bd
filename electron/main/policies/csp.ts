import { CONTENT_SECURITY_POLICY } from '../../../core/csp.js';

export { CONTENT_SECURITY_POLICY };

/** Headers added to HTML responses of the app:// protocol. */
export function htmlSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

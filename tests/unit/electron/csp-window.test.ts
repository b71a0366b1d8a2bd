import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, htmlSecurityHeaders } from '../../../electron/main/policies/csp.js';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/main/policies/window-options.js';

describe('CSP', () => {
  it('is the agreed policy, with no unsafe-* source', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
    expect(htmlSecurityHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('window options', () => {
  it('hardens webPreferences', () => {
    const prefs = secureWebPreferences('/abs/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/abs/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('stays hidden until ready and uses the hardened preferences', () => {
    const options = mainWindowOptions('/abs/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Tryout');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0);
    expect(options.webPreferences).toEqual(secureWebPreferences('/abs/preload.cjs'));
  });
});

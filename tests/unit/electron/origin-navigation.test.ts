import { describe, expect, it } from 'vitest';
import { shouldAllowNavigation, windowOpenDecision } from '../../../electron/main/policies/navigation.js';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../electron/main/policies/origin.js';

describe('isAppUrl', () => {
  it('accepts the app origin and URLs under it', () => {
    expect(APP_ORIGIN).toBe('app://tryout');
    for (const url of ['app://tryout', 'app://tryout/', APP_ENTRY_URL, 'app://tryout/index.html', 'app://tryout/media/clips/a/b.wav?x=1#y', 'APP://tryout/']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses other schemes, hosts, ports, credentials and junk', () => {
    for (const url of [
      'https://tryout/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'about:blank',
      'app://evil/',
      'app://tryout.evil.example/',
      'app://tryoutx/',
      'app://tryout:8080/',
      'app://user@tryout/',
      'app://user:pw@tryout/',
      'app:tryout',
      'devtools://devtools/bundled/inspector.html',
      'javascript:alert(1)',
      'data:text/html,hi',
      '',
      'not a url',
      null,
      undefined,
      42,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('allows navigation within the app only', () => {
    expect(shouldAllowNavigation('app://tryout/')).toBe(true);
    expect(shouldAllowNavigation('app://tryout/index.html#sessions')).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///C:/Windows/win.ini', 'app://other/', 'about:blank', 'chrome://gpu']) {
      expect(shouldAllowNavigation(url), url).toBe(false);
    }
  });

  it('denies every window.open, including app and https URLs', () => {
    for (const url of ['app://tryout/', 'https://example.com/', 'http://evil.example/', 'mailto:a@b.c', 'file:///etc/passwd', '']) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
    }
  });
});

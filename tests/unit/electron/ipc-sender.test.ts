import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/policies/ipc-sender.js';

describe('isTrustedSender', () => {
  it('trusts the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://tryout/', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://tryout/index.html', parent: null })).toBe(true);
  });

  it('refuses other origins, about:blank, subframes and missing frames', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:4000/', 'about:blank', 'file:///x/index.html', 'app://evil/', 'data:text/html,x', '']) {
      expect(isTrustedSender({ url, parent: null }), url).toBe(false);
    }
    expect(isTrustedSender({ url: 'app://tryout/', parent: { url: 'app://tryout/' } })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest, type AppRequestTarget } from '../../../electron/main/policies/protocol-paths.js';

const rendererDir = resolve('/srv/tryout/dist/renderer');
const mediaCalls: string[] = [];
const ctx = {
  rendererDir,
  resolveMedia: (urlPath: string) => {
    mediaCalls.push(urlPath);
    return urlPath === '/media/clips/test-call/greet.wav' ? '/data/scenarios/audio/test-call/greet.wav' : null;
  },
};
const get = (url: string, method = 'GET'): AppRequestTarget => resolveAppRequest(url, method, ctx);

function expectInsideRenderer(target: AppRequestTarget): void {
  expect(target.kind).toBe('renderer-file');
  if (target.kind === 'renderer-file') expect(target.path.startsWith(rendererDir + sep)).toBe(true);
}

describe('app:// request paths', () => {
  it('serves index.html for / and files of the renderer', () => {
    expect(get('app://tryout/')).toEqual({ kind: 'renderer-file', path: join(rendererDir, 'index.html'), isHtml: true });
    expect(get('app://tryout')).toEqual({ kind: 'renderer-file', path: join(rendererDir, 'index.html'), isHtml: true });
    expect(get('app://tryout/assets/index-U4svQlPJ.js?v=1#x')).toEqual({ kind: 'renderer-file', path: join(rendererDir, 'assets', 'index-U4svQlPJ.js'), isHtml: false });
    expect(get('app://tryout/styles.css', 'HEAD').kind).toBe('renderer-file');
    expect(get('app://tryout/my%20file.txt')).toEqual({ kind: 'renderer-file', path: join(rendererDir, 'my file.txt'), isHtml: false });
  });

  it('keeps dot segments the URL parser resolves inside the renderer', () => {
    // The URL standard folds "..", "%2e%2e" and ".%2E" before the handler sees the path.
    for (const url of ['app://tryout/../../etc/passwd', 'app://tryout/%2e%2e/%2e%2e/etc/passwd', 'app://tryout/assets/.%2E/.%2e/.%2e/x', 'app://tryout/a/./b', 'app://tryout/a/%2e/b']) {
      expectInsideRenderer(get(url));
    }
  });

  it('refuses encoded traversal, backslashes, absolute and drive paths, NUL and bad escapes', () => {
    for (const url of [
      'app://tryout/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://tryout/..%2f..%2fsecret',
      'app://tryout/..%5c..%5csecret',
      'app://tryout/assets%5C..%5C..%5Csecret',
      'app://tryout/%2Fetc%2Fpasswd',
      'app://tryout//etc/passwd',
      'app://tryout/C:%5CWindows%5Cwin.ini',
      'app://tryout/C:/Windows/win.ini',
      'app://tryout/index.html%00.js',
      'app://tryout/%E0%A4%A',
    ]) {
      const target = get(url);
      expect(target.kind, url).toBe('refused');
      if (target.kind === 'refused') expect(target.status, url).toBe(400);
    }
  });

  it('delegates /media/ to the service with the raw path, 404 when it finds nothing', () => {
    mediaCalls.length = 0;
    expect(get('app://tryout/media/clips/test-call/greet.wav')).toEqual({ kind: 'media', path: '/data/scenarios/audio/test-call/greet.wav' });
    expect(get('app://tryout/media/sessions/x%2F..%2Fy/audio.wav')).toMatchObject({ kind: 'refused', status: 404 });
    expect(get('app://tryout/media/../index.html').kind).toBe('renderer-file');
    expect(mediaCalls).toEqual(['/media/clips/test-call/greet.wav', '/media/sessions/x%2F..%2Fy/audio.wav']);
  });

  it('refuses other hosts and methods', () => {
    expect(get('app://evil/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(get('https://tryout/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(get('app://tryout/', 'POST')).toMatchObject({ kind: 'refused', status: 405 });
    expect(get(`app://tryout/${'a'.repeat(2000)}`)).toMatchObject({ kind: 'refused', status: 400 });
  });
});

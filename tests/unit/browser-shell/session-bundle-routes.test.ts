import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionBundleExport, SessionBundleImport } from '../../../core/api.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { SCENARIO_ID, stereoPcm } from '../services/fixtures.js';
import { treeDigest } from '../services/library-fixtures.js';
import { audioCall, startHarness, type Harness } from './harness.js';

/** Session bundles over HTTP: export on one laptop, download with the token, upload as a raw body on another. */

let a: Harness;
let b: Harness;
beforeAll(async () => {
  [a, b] = await Promise.all([startHarness('shell-bundle-a'), startHarness('shell-bundle-b')]);
});
afterAll(async () => {
  await Promise.all([a.shell.close(), b.shell.close()]);
  rmSync(a.root, { recursive: true, force: true });
  rmSync(b.root, { recursive: true, force: true });
});

describe('browser shell: session bundles', () => {
  it('exports a session, serves the .tryout with the token only, and imports the upload on another laptop', async () => {
    const started = (await a.api('startSession', { scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 })).json.result as SessionManifest;
    expect((await audioCall(a, { sessionId: started.id, seq: 0 }, stereoPcm(4000))).status).toBe(200);
    expect((await a.api('finishSession', { sessionId: started.id })).status).toBe(200);

    const out = (await a.api('exportSessionBundle', { sessionIds: [started.id] })).json.result as SessionBundleExport;
    const download = await a.request(out.url, { headers: { authorization: `Bearer ${a.shell.token}` } });
    expect(download.status).toBe(200);
    expect(download.body.equals(readFileSync(out.path))).toBe(true);
    expect((await a.request(out.url)).status).toBe(401);

    const upload = () =>
      b.request('/api/importSessionBundle', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-tryout-args': '{}', authorization: `Bearer ${b.shell.token}` },
        body: download.body,
      });
    const imported = await upload();
    expect(imported.json.result).toEqual({ imported: [started.id], updated: [], unchanged: [], reviewsMerged: 0 } satisfies SessionBundleImport);
    expect(treeDigest(join(b.dataDir, 'sessions'))).toEqual(treeDigest(join(a.dataDir, 'sessions')));
    expect((await upload()).json.result).toMatchObject({ imported: [], unchanged: [started.id] });
  });

  it('refuses a bundle sent as JSON', async () => {
    const r = await b.api('importSessionBundle', { bundle: [1, 2, 3] });
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/application\/octet-stream/);
  });
});

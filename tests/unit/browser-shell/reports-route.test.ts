import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../../core/api.js';
import { anaReview, writeSession } from '../services/report-fixtures.js';
import { startHarness, type Harness } from './harness.js';

/** createReport over HTTP, and the report's download URL (token required). */

let h: Harness;
beforeAll(async () => {
  h = await startHarness('shell-reports');
});
afterAll(async () => {
  await h.shell.close();
  rmSync(h.root, { recursive: true, force: true });
});

describe('browser shell: reports', () => {
  it('makes a session report whose download URL works with the token only', async () => {
    const at = '2026-11-20T09:30:00.000Z';
    const session = writeSession(h.dataDir, { id: '20261120-093000-route1', candidate: 'José Núñez', createdAt: at, reviews: [{ coach: 'Ana Ruiz', content: anaReview(at) }] });
    const made = await h.api('createReport', { kind: 'session', sessionId: session.id });
    expect(made.status).toBe(200);
    const report = made.json.result as ReportFile;
    expect(report.pages).toBeGreaterThan(0);
    const download = await h.request(report.url, { headers: { authorization: `Bearer ${h.shell.token}` } });
    expect(download.status).toBe(200);
    expect(download.body.equals(readFileSync(report.path))).toBe(true);
    expect((await h.request(report.url)).status).toBe(401);
    expect((await h.request('/media/reports/..%2F..%2Fsecret.txt', { headers: { authorization: `Bearer ${h.shell.token}` } })).status).toBe(400);
  });
});

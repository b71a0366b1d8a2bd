import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AUDIO_CHUNK_BYTES } from '../../../core/api.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { parseWavHeader } from '../../../electron/services/session/wav.js';
import { listTree, SCENARIO_ID, stereoPcm } from '../services/fixtures.js';
import { audioCall, startHarness, type Harness } from './harness.js';

let h: Harness;
let before: string[];
const outsideData = (tree: string[]) => tree.filter((p) => !p.startsWith('data/'));

beforeAll(async () => {
  h = await startHarness('shell-api');
  before = outsideData(listTree(h.root));
});
afterAll(async () => {
  await h.shell.close();
  rmSync(h.root, { recursive: true, force: true });
});

const start = async () => (await h.api('startSession', { scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 })).json.result as SessionManifest;

describe('browser shell: the API over HTTP', () => {
  it('records a call end to end and serves the recording with Range support', async () => {
    const m = await start();
    const chunks = [stereoPcm(8000, 0), stereoPcm(8000, 8000)];
    for (const [seq, pcm] of chunks.entries()) {
      const r = await audioCall(h, { sessionId: m.id, seq }, pcm);
      expect(r.json).toEqual({ ok: true, result: { framesWritten: 8000 * (seq + 1) } });
    }
    expect((await audioCall(h, { sessionId: m.id, seq: 0 }, chunks[0] ?? new Uint8Array())).json.result).toEqual({ framesWritten: 16_000 });
    const gap = await audioCall(h, { sessionId: m.id, seq: 5 }, stereoPcm(4));
    expect(gap.status).toBe(409);
    expect(gap.json.error?.code).toBe('conflict');
    expect((await h.api('appendEvents', { sessionId: m.id, events: [{ type: 'call-started', frame: 0, scenarioId: SCENARIO_ID }] })).json.result).toEqual({ count: 1 });
    expect((await h.api('saveDraft', { sessionId: m.id, stepId: 'write', text: 'hello' })).status).toBe(200);
    const done = (await h.api('finishSession', { sessionId: m.id })).json.result as SessionManifest;
    expect(done).toMatchObject({ status: 'complete', durationFrames: 16_000 });

    const auth = { authorization: `Bearer ${h.shell.token}` };
    const full = await h.request(`/media/sessions/${m.id}/audio.wav`, { headers: auth });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('audio/wav');
    expect(full.headers['cache-control']).toBe('no-store');
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(parseWavHeader(full.body).dataBytes).toBe(64_000);
    expect(full.body.subarray(44)).toEqual(Buffer.concat(chunks));
    const part = await h.request(`/media/sessions/${m.id}/audio.wav`, { headers: { ...auth, range: 'bytes=44-99' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 44-99/${44 + 64_000}`);
    expect(part.body).toEqual(full.body.subarray(44, 100));
    const tail = await h.request(`/media/sessions/${m.id}/audio.wav`, { headers: { ...auth, range: 'bytes=-10' } });
    expect(tail.body).toEqual(full.body.subarray(-10));
    const beyond = await h.request(`/media/sessions/${m.id}/audio.wav`, { headers: { ...auth, range: 'bytes=999999-' } });
    expect(beyond.status).toBe(416);
    const clip = await h.request(`/media/clips/${SCENARIO_ID}/greet.wav`, { headers: auth });
    expect(clip.status).toBe(200);
    expect(clip.body).toEqual(readFileSync(join(h.root, 'scenarios', 'audio', SCENARIO_ID, 'greet.wav')));
    const head = await h.request(`/media/clips/${SCENARIO_ID}/greet.wav`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
  });

  it('refuses path-like session ids', async () => {
    for (const sessionId of ['../../etc', 'a/b', '..', '../../../../tmp/evil-session', '%2e%2e%2fetc']) {
      for (const r of [await h.api('getSession', { sessionId }), await h.api('finishSession', { sessionId }), await audioCall(h, { sessionId, seq: 0 }, stereoPcm(4))]) {
        expect(r.status, sessionId).toBe(400);
        expect(r.json.error).toEqual({ code: 'invalid-argument', message: expect.stringContaining('sessionId: session id must be') });
      }
    }
  });

  it('refuses an oversized audio chunk with 413, declared or streamed', async () => {
    const m = await start();
    const big = new Uint8Array(MAX_AUDIO_CHUNK_BYTES + 4);
    const declared = await audioCall(h, { sessionId: m.id, seq: 0 }, big);
    expect(declared.status).toBe(413);
    expect(declared.json.error?.code).toBe('too-large');
    const streamed = await h.request('/api/appendAudio', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-tryout-args': JSON.stringify({ sessionId: m.id, seq: 0 }), authorization: `Bearer ${h.shell.token}` },
      chunks: Array.from({ length: 8 }, () => new Uint8Array(MAX_AUDIO_CHUNK_BYTES / 4)),
    });
    expect(streamed.status).toBe(413);
    const json = await h.api('saveDraft', { sessionId: m.id, stepId: 'write', text: 'x'.repeat(1024 * 1024 + 10) });
    expect(json.status).toBe(413);
    // Nothing of the refused chunks was written, and the server still works.
    expect((await audioCall(h, { sessionId: m.id, seq: 0 }, stereoPcm(10))).json.result).toEqual({ framesWritten: 10 });
  });

  it('refuses wrong types, bad bodies and unknown methods with clear errors', async () => {
    const m = await start();
    const cases: [Promise<Awaited<ReturnType<Harness['api']>>>, number, string, RegExp][] = [
      [audioCall(h, { sessionId: m.id, seq: 'one' }, stereoPcm(4)), 400, 'invalid-argument', /seq: /],
      [audioCall(h, { sessionId: m.id, seq: 1.5 }, stereoPcm(4)), 400, 'invalid-argument', /seq: /],
      [audioCall(h, { sessionId: m.id, seq: 0 }, new Uint8Array(6)), 400, 'invalid-argument', /whole 2-channel/],
      [audioCall(h, { sessionId: m.id, seq: 0, extra: true }, stereoPcm(4)), 400, 'invalid-argument', /extra/],
      [audioCall(h, [1, 2], stereoPcm(4)), 400, 'invalid-argument', /x-tryout-args/],
      [h.request('/api/appendAudio', { method: 'POST', headers: { authorization: `Bearer ${h.shell.token}`, 'content-type': 'application/octet-stream', 'x-tryout-args': '{nope' }, body: stereoPcm(1) }), 400, 'invalid-argument', /x-tryout-args/],
      [h.api('appendAudio', { sessionId: m.id, seq: 0, pcm: [0, 0, 0, 0] }), 400, 'invalid-argument', /octet-stream/],
      [h.api('startSession', { scenarioId: SCENARIO_ID, candidate: { name: '' }, sampleRate: 16_000 }), 400, 'invalid-argument', /candidate.name: candidate name is required/],
      [h.api('startSession', { scenarioId: 'no-such-scenario', candidate: { name: 'Ada' }, sampleRate: 16_000 }), 404, 'not-found', /no scenario/],
      [h.api('startSession', { scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 1e9 }), 400, 'invalid-argument', /sampleRate/],
      [h.api('appendEvents', { sessionId: m.id, events: [{ type: 'evil', frame: 0 }] }), 400, 'invalid-argument', /events\[0\]/],
      [h.api('getSession', { sessionId: '20991231-000000-aaaaaa' }), 404, 'not-found', /no session/],
      [h.api('getSession', { sessionId: 42 }), 400, 'invalid-argument', /sessionId: /],
      [h.api('deleteAll', {}), 404, 'unknown-method', /deleteAll/],
      [h.api('..%2f..%2fetc', {}), 400, 'invalid-argument', /path is not allowed/],
      [h.api('constructor', {}), 404, 'unknown-method', /no API method/],
      [h.request('/api/listSessions', { method: 'POST', headers: { authorization: `Bearer ${h.shell.token}`, 'content-type': 'application/json' }, body: '{"a":' }), 400, 'invalid-argument', /not valid JSON/],
      [h.request('/api/listSessions', { method: 'POST', headers: { authorization: `Bearer ${h.shell.token}`, 'content-type': 'text/plain' }, body: '{}' }), 400, 'invalid-argument', /application\/json/],
      [h.request('/api/listSessions', { headers: { authorization: `Bearer ${h.shell.token}` } }), 400, 'invalid-argument', /POST/],
    ];
    for (const [reply, status, code, message] of cases) {
      const r = await reply;
      expect(r.json.error?.code, r.text).toBe(code);
      expect(r.status, r.text).toBe(status);
      expect(r.json.error?.message, r.text).toMatch(message);
    }
  });

  it('wrote nothing outside the data folder', () => {
    expect(outsideData(listTree(h.root))).toEqual(before);
    expect(listTree(h.dataDir).every((p) => p === 'sessions/' || p.startsWith('sessions/') || p.startsWith('settings.json'))).toBe(true);
  });
});

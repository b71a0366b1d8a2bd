import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, entriesOf, makeLaptop, recordSession, type Laptop } from '../bundle-fixtures.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('turn-transcripts-bundle');
let a: Laptop;
let b: Laptop;
let id: string;
const LINE = `${JSON.stringify({ stepId: 'answer', fromFrame: 100, toFrame: 1500, engine: 'pocketsphinx', text: 'sorry', words: [{ word: 'sorry', startFrame: 200, endFrame: 900, confidence: 0.9 }] })}\n`;

beforeAll(async () => {
  a = makeLaptop(root, 'a');
  b = makeLaptop(root, 'b');
  id = await recordSession(a, 'Ada');
  writeFileSync(join(a.dataDir, 'sessions', id, 'turn-transcripts.jsonl'), LINE);
});
afterAll(async () => {
  await Promise.all([a.service.close(), b.service.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('session bundles carry the transcripts made during the call', () => {
  it('exports turn-transcripts.jsonl and imports it byte for byte', async () => {
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [id] });
    const entries = entriesOf(new Uint8Array(readFileSync(exported.path)));
    expect(new TextDecoder().decode(entries[`${id}/turn-transcripts.jsonl`])).toBe(LINE);
    await b.service.api.importSessionBundle({ bundle: new Uint8Array(readFileSync(exported.path)) });
    expect(readFileSync(join(b.dataDir, 'sessions', id, 'turn-transcripts.jsonl'), 'utf8')).toBe(LINE);
  });

  it('refuses a bundle whose turn-transcripts.jsonl has a line that is not a turn transcript', async () => {
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [id] });
    const entries: Record<string, Uint8Array | string> = { ...entriesOf(new Uint8Array(readFileSync(exported.path))) };
    entries[`${id}/turn-transcripts.jsonl`] = `${LINE}{"stepId":"answer","fromFrame":5,"toFrame":1,"engine":"x","text":"","words":[]}\n`;
    const error = await b.service.api.importSessionBundle({ bundle: bundleOf(entries, { reindex: true }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('turn-transcripts.jsonl" line 2 is not a turn transcript') });
  });
});

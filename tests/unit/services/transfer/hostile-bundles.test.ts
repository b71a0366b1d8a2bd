import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavHeader } from '../../../../electron/services/session/wav.js';
import { bundleOf, entriesOf, makeLaptop, recordSession, truthfulIndex, writeReview, type Entries, type Laptop } from '../bundle-fixtures.js';
import { tempRoot } from '../fixtures.js';
import { treeDigest } from '../library-fixtures.js';
import { withDeclaredSize, withFlippedByte } from '../pack-fixtures.js';

/**
 * Hostile and broken session bundles, each refused with a message a person can act on; the data
 * folder of the importing laptop (which already holds one session) is byte-identical afterwards,
 * with no staging folder left. The good bundle holds a new session first, so a half-done import
 * would show.
 */

const root = tempRoot('hostile-bundles');
let a: Laptop;
let b: Laptop;
let fresh: string;
let target: string;
let known: string;
let good: Entries;
let before: string[];

beforeAll(async () => {
  a = makeLaptop(root, 'laptop-a');
  b = makeLaptop(root, 'laptop-b');
  known = await recordSession(a, 'Ada');
  fresh = await recordSession(a, 'Grace');
  target = await recordSession(a, 'Hedy');
  writeReview(a.dataDir, target, 'Ana Ruiz', '2026-11-23T10:00:00.000Z', 'ok');
  const onlyKnown = await a.service.api.exportSessionBundle({ sessionIds: [known] });
  await b.service.api.importSessionBundle({ bundle: new Uint8Array(readFileSync(onlyKnown.path)) });
  const all = await a.service.api.exportSessionBundle({ sessionIds: [fresh, target, known] });
  good = entriesOf(new Uint8Array(readFileSync(all.path)));
  before = treeDigest(b.dataDir);
});
afterAll(async () => {
  await Promise.all([a.service.close(), b.service.close()]);
  rmSync(root, { recursive: true, force: true });
});

const text = (value: string) => new TextEncoder().encode(value);
const file = (name: string) => `${target}/${name}`;
const withEntry = (name: string, value: Uint8Array | string): Entries => ({ ...good, [name]: typeof value === 'string' ? text(value) : value });
const without = (name: string): Entries => Object.fromEntries(Object.entries(good).filter(([n]) => n !== name));
const goodZip = () => bundleOf(good);

/** bundle.json as exported, with one file's size (and optionally hash) changed. */
function indexLying(entries: Entries, name: string, size: number): Uint8Array {
  const index = JSON.parse(new TextDecoder().decode(truthfulIndex(entries))) as { files: Record<string, { size: number; sha256: string }> };
  const declared = index.files[name];
  if (declared) declared.size = size;
  return text(JSON.stringify(index));
}

function flippedAudio(): Entries {
  const audio = (good[file('audio.wav')] as Uint8Array).slice();
  audio[100] = (audio[100] ?? 0) ^ 0x55;
  return { ...good, [file('audio.wav')]: audio };
}

const zeros = new Uint8Array(8 * 1024 * 1024);
const newlines = new Uint8Array(5 * 1024 * 1024).fill(0x0a);
const cdWav = () => {
  const wav = new Uint8Array(44 + 400);
  wav.set(wavHeader(44_100, 2, 400));
  return wav;
};
const badReview = () => JSON.stringify({ formatVersion: 1, sessionId: target, coach: { id: 'ana-ruiz', name: 'Ana Ruiz' }, verdict: 'maybe' });

const cases: [string, () => Uint8Array<ArrayBuffer>, RegExp][] = [
  ['text, not a zip', () => text('not a zip\n'.repeat(50)), /not a zip file/],
  ['an empty file', () => new Uint8Array(0), /not a zip file/],
  ['zip slip: a "../" entry', () => bundleOf(withEntry('../evil.json', '{}')), /"\.\.\/evil\.json" climbs out of the bundle/],
  ['zip slip: a nested "../" entry', () => bundleOf(withEntry(`${target}/../../evil.wav`, 'x')), /climbs out of the bundle/],
  ['an absolute path', () => bundleOf(withEntry('/etc/passwd', 'x')), /"\/etc\/passwd" is an absolute path/],
  ['a drive letter', () => bundleOf(withEntry('C:/Windows/x.json', 'x')), /is an absolute path/],
  ['a backslash', () => bundleOf(withEntry(`${target}\\audio.wav`, 'x')), /contains a backslash/],
  ['a symlink entry', () => bundleOf(good, { symlinks: [file('drafts.json')] }), /\/drafts\.json" is a symbolic link/],
  ['an unknown file', () => bundleOf(withEntry(file('notes.txt'), 'hello'), { reindex: true }), /"[^"]*notes\.txt" is not a file a session bundle holds/],
  ['a file at the top level', () => bundleOf(withEntry('run.sh', 'rm -rf /'), { reindex: true }), /"run\.sh" is not a file a session bundle holds/],
  ['a file not listed in bundle.json', () => bundleOf(withEntry(file('reviews/zed.json'), '{}')), /reviews\/zed\.json" is not listed in bundle\.json/],
  ['a listed file that is missing', () => bundleOf({ ...without(file('peaks.json')), 'bundle.json': good['bundle.json'] as Uint8Array }), /peaks\.json" is listed in bundle\.json but missing/],
  ['lying sizes: the zip directory understates a file', () => withDeclaredSize(goodZip(), file('events.jsonl'), 10), /events\.jsonl" is 10 bytes in the zip but \d+ bytes in bundle\.json/],
  ['lying sizes: bundle.json overstates a file', () => bundleOf({ ...good, 'bundle.json': indexLying(good, file('audio.wav'), 999) }), /audio\.wav" is \d+ bytes in the zip but 999 bytes in bundle\.json/],
  [
    'a zip bomb: unpacks past its declared size',
    () => {
      const entries = withEntry(file('peaks.json'), zeros);
      return withDeclaredSize(bundleOf({ ...entries, 'bundle.json': indexLying(entries, file('peaks.json'), 1000) }), file('peaks.json'), 1000);
    },
    /peaks\.json" is damaged \(it unpacks to more than its declared size\)/,
  ],
  ['a zip bomb: one file over its cap', () => bundleOf(withEntry(file('reviews/ana-ruiz.json'), newlines), { reindex: true }), /reviews\/ana-ruiz\.json" is too large \(5242880 bytes; at most 4194304\)/],
  [
    'a zip bomb: declared sizes over the total cap',
    () => withDeclaredSize(withDeclaredSize(withDeclaredSize(goodZip(), `${fresh}/audio.wav`, 1000 * 1024 * 1024), `${known}/audio.wav`, 1000 * 1024 * 1024), file('audio.wav'), 100 * 1024 * 1024),
    /it unpacks to more than 2048 MB, more than a session bundle may hold/,
  ],
  ['a truncated zip (cut in half)', () => goodZip().subarray(0, Math.floor(goodZip().byteLength / 2)), /not a zip file|damaged/],
  ['a truncated zip (end record cut)', () => goodZip().subarray(0, goodZip().byteLength - 10), /not a zip file/],
  ['a corrupt entry (checksum)', () => withFlippedByte(bundleOf(good), file('drafts.json')), /drafts\.json" is damaged/],
  ['a wrong hash', () => bundleOf(flippedAudio()), /audio\.wav" does not match its sha256 in bundle\.json/],
  ['no bundle.json', () => bundleOf(without('bundle.json')), /it has no bundle\.json/],
  ['bundle.json that is not JSON', () => bundleOf(withEntry('bundle.json', '{"format":')), /"bundle\.json" is not valid JSON/],
  ['bundle.json of a newer format', () => bundleOf(withEntry('bundle.json', new TextDecoder().decode(truthfulIndex(good)).replace('"version":1', '"version":2'))), /bundle format version 2, and this Tryout reads version 1/],
  ['bad JSON: manifest.json', () => bundleOf(withEntry(file('manifest.json'), '{"id":'), { reindex: true }), /manifest\.json is not valid JSON/],
  ['a manifest of another session', () => bundleOf(withEntry(file('manifest.json'), good[`${fresh}/manifest.json`] as Uint8Array), { reindex: true }), /manifest\.json names session "[a-z0-9-]+"/],
  ['bad JSON: an events line', () => bundleOf(withEntry(file('events.jsonl'), '{"type":"call-started","frame":0,"scenarioId":"test-call"}\n{"type":\n'), { reindex: true }), /events\.jsonl" line 2 is not valid JSON/],
  ['an event of an unknown type', () => bundleOf(withEntry(file('events.jsonl'), '{"type":"format-disk","frame":0}\n'), { reindex: true }), /events\.jsonl" line 1 is not a session event/],
  ['a review that fails its schema', () => bundleOf(withEntry(file('reviews/ana-ruiz.json'), badReview()), { reindex: true }), /reviews\/ana-ruiz\.json" is not valid \(/],
  ['a review filed under another coach', () => bundleOf({ ...without(file('reviews/ana-ruiz.json')), [file('reviews/ben.json')]: good[file('reviews/ana-ruiz.json')] as Uint8Array }, { reindex: true }), /is the review of coach "ana-ruiz", not "ben"/],
  ['drafts that fail their schema', () => bundleOf(withEntry(file('drafts.json'), '{"answer":{"text":5}}'), { reindex: true }), /drafts\.json" is not valid \(/],
  ['an analysis with a damaged finding', () => bundleOf(withEntry(file('analysis.json'), `{"formatVersion":1,"sessionId":"${target}","scenarioId":"long-hold","sampleRate":16000,"transcriber":{"engine":"none"},"checklists":[],"turns":[],"holds":[],"findings":[{"checklist":"respect","item":"x","title":"t","kind":"auto","status":"maybe","rule":"r","summary":"s","evidence":[]}]}`), { reindex: true }), /analysis\.json" is not a valid analysis \(findings\.0\.status: /],
  ['an analysis of another format', () => bundleOf(withEntry(file('analysis.json'), `{"formatVersion":9,"sessionId":"${target}"}`), { reindex: true }), /analysis\.json" is not an analysis of format version 1/],
  ['audio that is not a WAV', () => bundleOf(withEntry(file('audio.wav'), 'RIFF? no.'), { reindex: true }), /audio\.wav" is not a usable WAV file/],
  ['audio at another rate than its manifest', () => bundleOf(withEntry(file('audio.wav'), cdWav()), { reindex: true }), /audio\.wav" is at 44100 Hz, but its manifest says 16000 Hz/],
  ['a session without audio', () => bundleOf(without(file('audio.wav')), { reindex: true }), /session [a-z0-9-]+ has no audio\.wav/],
];

describe('importSessionBundle refuses hostile and broken bundles and changes nothing', () => {
  it('the good bundle itself imports (so each case fails only for what it breaks)', () => {
    const index = JSON.parse(new TextDecoder().decode(good['bundle.json'])) as { files: Record<string, { sha256: string }> };
    const audio = good[file('audio.wav')] as Uint8Array;
    expect(index.files[file('audio.wav')]?.sha256).toBe(createHash('sha256').update(audio).digest('hex'));
  });

  it.each(cases)('%s', async (_name, make, message) => {
    const error = await b.service.api.importSessionBundle({ bundle: make() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/^This file cannot be imported as a session bundle: /) });
    expect((error as Error).message).toMatch(message);
    expect(treeDigest(b.dataDir)).toEqual(before);
  });

  it('after all that, the good bundle imports', async () => {
    const result = await b.service.api.importSessionBundle({ bundle: bundleOf(good) });
    expect(result).toEqual({ imported: [fresh, target], updated: [], unchanged: [known], reviewsMerged: 0 });
    expect(treeDigest(b.dataDir).filter((line) => line.startsWith('.bundle-import'))).toEqual([]);
  });
});

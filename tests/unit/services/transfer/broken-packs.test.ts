import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_PACK_BYTES } from '../../../../core/api.js';
import { monoWav } from '../fixtures.js';
import { COACH_ID, COACH_YAML, makeLibrary, treeDigest, type LibraryFixture } from '../library-fixtures.js';
import { goodEntries, manifestJson, withDeclaredSize, withFlippedByte, zipOf } from '../pack-fixtures.js';

/**
 * Hostile and broken packs, each refused with a message a person can act on, and the scenario
 * folders (shipped and user) byte-identical afterwards. The user folder already holds one
 * imported scenario, so a half-done import would show.
 */

let f: LibraryFixture;
let before: string[];

beforeAll(async () => {
  f = makeLibrary('broken-packs');
  await f.service.api.importScenarioPack({ pack: zipOf(goodEntries('other-call')) });
  mkdirSync(join(f.dataDir, 'exports'), { recursive: true });
  before = treeDigest(f.root);
});
afterAll(async () => {
  await f.service.close();
  rmSync(f.root, { recursive: true, force: true });
});

/** The coach-call pack under another id, so the only thing wrong with it is what each case breaks. */
const ID = 'fresh-call';
const good = () => goodEntries(ID);

function eightBitWav(): Uint8Array<ArrayBuffer> {
  const wav = monoWav(100);
  new DataView(wav.buffer).setUint16(34, 8, true);
  return wav;
}

function without(entries: Record<string, Uint8Array | string>, name: string): Record<string, Uint8Array | string> {
  const { [name]: _dropped, ...rest } = entries;
  return rest;
}

const bigZeros = new Uint8Array(4 * 1024 * 1024);

const cases: [string, () => Uint8Array<ArrayBuffer>, RegExp][] = [
  ['text, not a zip', () => new TextEncoder().encode('id: not-a-zip\n'.repeat(50)), /not a zip file/],
  ['an empty file', () => new Uint8Array(0), /not a zip file/],
  ['a zip cut in half', () => zipOf(good()).subarray(0, 2000), /not a zip file|damaged/],
  ['a "../" entry', () => zipOf({ ...good(), '../evil.yaml': 'x' }), /"\.\.\/evil\.yaml" climbs out of the pack/],
  ['a nested "../" entry', () => zipOf({ ...good(), [`audio/${ID}/../../../etc.wav`]: monoWav(10) }), /climbs out of the pack/],
  ['an absolute path', () => zipOf({ ...good(), '/etc/passwd': 'x' }), /"\/etc\/passwd" is an absolute path/],
  ['a drive letter', () => zipOf({ ...good(), 'C:/x.yaml': 'x' }), /absolute path/],
  ['a backslash', () => zipOf({ ...good(), [`audio\\${ID}\\x.wav`]: monoWav(10) }), /backslash/],
  ['an odd name', () => zipOf({ ...good(), 'notes.txt': 'x' }), /"notes\.txt" is not a file a scenario pack holds/],
  ['an upper-case clip name', () => zipOf({ ...good(), [`audio/${ID}/Greet.wav`]: monoWav(10) }), /not a file a scenario pack holds/],
  ['too many entries', () => zipOf({ ...good(), ...Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`audio/${ID}/c${i}.wav`, monoWav(1)])) }), /holds 405 entries; a scenario pack holds at most 400/],
  ['a zip bomb (unpacks past its declared size)', () => withDeclaredSize(zipOf({ ...good(), [`audio/${ID}/bomb.wav`]: bigZeros }), `audio/${ID}/bomb.wav`, 1000), /unpacks to more than its declared size/],
  ['declared sizes over the limit', () => withDeclaredSize(zipOf({ ...good(), [`audio/${ID}/bomb.wav`]: monoWav(10) }), `audio/${ID}/bomb.wav`, 250 * 1024 * 1024), /unpacks to more than 200 MB/],
  ['a damaged entry (checksum)', () => withFlippedByte(zipOf(good(), 0), `${ID}.yaml`), /"fresh-call\.yaml" is damaged \(checksum mismatch\)/],
  ['no manifest', () => zipOf(without(good(), 'tryout-pack.json')), /no tryout-pack\.json/],
  ['a manifest of a newer format', () => zipOf({ ...good(), 'tryout-pack.json': manifestJson(ID, 2) }), /pack format version 2, and this Tryout reads version 1/],
  ['a manifest that is not JSON', () => zipOf({ ...good(), 'tryout-pack.json': '{"format":' }), /"tryout-pack\.json" is not valid JSON/],
  ['a manifest of something else', () => zipOf({ ...good(), 'tryout-pack.json': '{"format":"zip"}' }), /not a Tryout pack manifest/],
  ['no scenario file', () => zipOf(without(good(), `${ID}.yaml`)), /no fresh-call\.yaml/],
  ['files of another scenario', () => zipOf({ ...good(), [`audio/${COACH_ID}/greet.wav`]: monoWav(10) }), /belongs to another scenario than "fresh-call"/],
  ['YAML with problems', () => zipOf({ ...good(), [`${ID}.yaml`]: COACH_YAML.replace(`id: ${COACH_ID}`, `id: ${ID}`).replace('say: "Bye"', 'speak: "Bye"').replace('timeoutSeconds: 10', 'timeoutSeconds: -1') }), /problems:\nfresh-call\.yaml:10:30: .*timeoutSeconds.*\n(.*\n)?fresh-call\.yaml:17:5: unknown key "speak"/],
  ['YAML whose id is not the pack\'s', () => zipOf({ ...good(), [`${ID}.yaml`]: COACH_YAML }), /fresh-call\.yaml:1:5: scenario id "coach-call" does not match the file name/],
  ['a clip that is not a WAV', () => zipOf({ ...good(), [`audio/${ID}/greet.wav`]: 'RIFF? no.' }), /"audio\/fresh-call\/greet\.wav" is not a usable WAV file/],
  ['an 8-bit WAV', () => zipOf({ ...good(), [`audio/${ID}/greet.wav`]: eightBitWav() }), /is 8-bit; clips must be 16-bit PCM/],
  ['a WAV cut short', () => zipOf({ ...good(), [`audio/${ID}/greet.wav`]: monoWav(1000).subarray(0, 500) }), /is cut short/],
  ['a coach take for a step that is not a line', () => zipOf({ ...good(), [`audio/${ID}/coach/answer.wav`]: monoWav(10) }), /recording for "answer", which is not a customer line/],
  ['an id already installed (no replace)', () => zipOf(goodEntries('other-call')), /^Replace "Coach call"\? A scenario with the id "other-call" is already installed/],
  ['an id shipped with the app (no replace)', () => zipOf(goodEntries(COACH_ID)), /^Replace "Coach call"\?/],
];

describe('importScenarioPack refuses broken packs and changes nothing', () => {
  it.each(cases)('%s', async (_name, make, message) => {
    const pack = make();
    const error = await f.service.api.importScenarioPack({ pack }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringMatching(message) });
    expect((error as { code: string }).code).toMatch(/^(invalid-argument|conflict)$/);
    expect(treeDigest(f.root)).toEqual(before);
  });

  it('refuses a pack over 50 MB before reading it', async () => {
    const error = await f.service.dispatch('importScenarioPack', { pack: new Uint8Array(MAX_SCENARIO_PACK_BYTES + 1) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('at most 50 MB') });
    expect(treeDigest(f.root)).toEqual(before);
  });
});

import { zipSync, type Zippable } from 'fflate';
import { monoWav } from './fixtures.js';
import { COACH_ID, COACH_YAML } from './library-fixtures.js';

/** Scenario packs made by hand, good and hostile, for the import tests. */

export const manifestJson = (scenarioId = COACH_ID, version = 1) =>
  JSON.stringify({ format: 'tryout-scenario-pack', version, scenarioId, title: 'Coach call', exportedAt: '2026-11-22T10:00:00.000Z' });

/** A zip with exactly these entries (names as given, nothing normalised). */
export function zipOf(entries: Record<string, Uint8Array | string>, level: 0 | 6 = 6): Uint8Array<ArrayBuffer> {
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(entries)) zippable[name] = [typeof value === 'string' ? new TextEncoder().encode(value) : value, {}];
  return zipSync(zippable, { level });
}

/** The entries of a good pack of the coach-call scenario (the bye line has no clip). */
export function goodEntries(id = COACH_ID): Record<string, Uint8Array | string> {
  return {
    'tryout-pack.json': manifestJson(id),
    [`${id}.yaml`]: COACH_YAML.replace(`id: ${COACH_ID}`, `id: ${id}`),
    [`audio/${id}/greet.wav`]: monoWav(1600),
    [`audio/${id}/again.wav`]: monoWav(2400),
    [`audio/${id}/coach/greet.wav`]: monoWav(800),
  };
}

/** Offsets of every central-directory record whose name is `name`. */
function centralRecords(zip: Uint8Array, name: string): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < zip.byteLength; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const candidate = zip.subarray(at + 46, at + 46 + length);
    if (length === wanted.length && candidate.every((b, i) => b === wanted[i])) found.push(at);
  }
  return found;
}

/** A copy of `zip` whose directory declares `size` as the uncompressed size of `name` (a lie). */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array<ArrayBuffer> {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const at of centralRecords(copy, name)) {
    view.setUint32(at + 24, size, true);
    const local = view.getUint32(at + 42, true);
    view.setUint32(local + 22, size, true);
  }
  return copy;
}

/** A copy of `zip` with one byte of `name`'s stored data flipped (its checksum no longer matches). */
export function withFlippedByte(zip: Uint8Array, name: string): Uint8Array<ArrayBuffer> {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const at of centralRecords(copy, name)) {
    const local = view.getUint32(at + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    copy[data + 2] = (copy[data + 2] ?? 0) ^ 0xff;
  }
  return copy;
}

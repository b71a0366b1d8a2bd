import { parseWavHeader, type WavInfo } from '../session/wav.js';
import { readZipDirectory, readZipEntry, ZipError, type ZipEntry, type ZipLimits } from './zip-reader.js';

/**
 * The checks a session bundle and a scenario pack share before anything is unpacked: the zip
 * directory within its limits, every entry name classified (unsafe or unknown names refused),
 * no name twice, no folder posing as a file, each file within the size its kind allows; and, per
 * file, UTF-8 text, JSON and 16-bit PCM WAV that is not cut short. Every refusal goes through the
 * caller's `refuse`, so a bundle and a pack each say "This file cannot be imported as a ...".
 */

export type Refuse = (reason: string) => never;

/** What a classifier says of one entry name. */
export type EntryKind<K> = K | { readonly kind: 'folder' } | { readonly refused: string };

export interface ClassifiedEntry<K> {
  readonly entry: ZipEntry;
  readonly kind: K;
}

export interface ZipChecks {
  /** Runs one zip step, turning the zip reader's errors into refusals. */
  step<T>(run: () => T): T;
  /** The zip's file entries with their kinds, all names and sizes checked. */
  entries<K extends { readonly kind: string }>(data: Uint8Array, limits: ZipLimits, classify: (name: string) => EntryKind<K>, maxBytes: (kind: K) => number): ClassifiedEntry<K>[];
  /** One entry's bytes (size and CRC-32 checked by the reader). */
  read(data: Uint8Array, entry: ZipEntry): Uint8Array;
  utf8(bytes: Uint8Array, name: string): string;
  json(bytes: Uint8Array, name: string): unknown;
  /** A WAV header that holds all the audio it promises. */
  wav(bytes: Uint8Array, name: string): WavInfo;
}

function isRefused<K>(kind: EntryKind<K>): kind is { readonly refused: string } {
  return typeof kind === 'object' && kind !== null && 'refused' in kind;
}

function isFolder<K>(kind: K | { readonly kind: 'folder' }): kind is { readonly kind: 'folder' } {
  return typeof kind === 'object' && kind !== null && 'kind' in kind && (kind as { kind: unknown }).kind === 'folder';
}

function classifiedEntries<K extends { readonly kind: string }>(refuse: Refuse, entries: readonly ZipEntry[], classify: (name: string) => EntryKind<K>, maxBytes: (kind: K) => number): ClassifiedEntry<K>[] {
  const seen = new Set<string>();
  const found: ClassifiedEntry<K>[] = [];
  for (const entry of entries) {
    const kind = classify(entry.name);
    if (isRefused(kind)) refuse(kind.refused);
    if (seen.has(entry.name)) refuse(`"${entry.name}" appears twice`);
    seen.add(entry.name);
    if (isFolder(kind)) continue;
    if (entry.isDirectory) refuse(`"${entry.name}" is a folder`);
    const max = maxBytes(kind);
    if (entry.size > max) refuse(`"${entry.name}" is too large (${entry.size} bytes; at most ${max})`);
    found.push({ entry, kind });
  }
  return found;
}

export function zipChecks(refuse: Refuse): ZipChecks {
  const step = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ZipError) refuse(error.message);
      throw error;
    }
  };
  const utf8 = (bytes: Uint8Array, name: string): string => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse(`"${name}" is not UTF-8 text`);
    }
  };
  return {
    step,
    entries: (data, limits, classify, maxBytes) => classifiedEntries(refuse, step(() => readZipDirectory(data, limits)), classify, maxBytes),
    read: (data, entry) => step(() => readZipEntry(data, entry)),
    utf8,
    json(bytes, name) {
      const text = utf8(bytes, name);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return refuse(`"${name}" is not valid JSON`);
      }
    },
    wav(bytes, name) {
      let info: WavInfo;
      try {
        info = parseWavHeader(bytes);
      } catch (error) {
        return refuse(`"${name}" is not a usable WAV file (${(error as Error).message})`);
      }
      if (info.dataOffset + info.dataBytes > bytes.byteLength) refuse(`"${name}" is cut short (its header promises more audio than it holds)`);
      return info;
    },
  };
}

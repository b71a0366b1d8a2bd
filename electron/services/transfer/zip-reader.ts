import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

/**
 * A cautious zip reader for untrusted files. It reads the central directory itself, so entry
 * counts, names, flags and declared sizes are checked before anything is decompressed; each
 * entry is then inflated in small steps that stop as soon as the output passes its declared
 * size (so a lying "zip bomb" costs little), and its CRC-32 is checked. Not supported, and refused: zip64, encryption, methods other than
 * stored and deflate, multi-disk archives.
 */

export interface ZipLimits {
  /** What the archive is, for messages: "a scenario pack", "a session bundle". */
  readonly holder: string;
  readonly maxEntries: number;
  /** Largest uncompressed size of all entries together. */
  readonly maxTotalBytes: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

/** Why a zip was refused; the message is written for a person. */
export class ZipError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
/** Input fed to the inflater per step: at most ~16 MB of output each, even at deflate's best ratio. */
const INFLATE_STEP = 16 * 1024;

function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_BYTES;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError('it is not a zip file (no zip directory at its end)');
}

function entryName(bytes: Uint8Array): string {
  // Pack entry names are plain ASCII; anything else is reported by the name rules, visibly.
  let name = '';
  for (const b of bytes) name += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '\uFFFD';
  return name;
}

/** The entries listed in the central directory, checked against the limits. */
export function readZipDirectory(data: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < EOCD_BYTES) throw new ZipError('it is not a zip file (too short)');
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) {
    throw new ZipError('it is a multi-part zip, which is not supported');
  }
  if (count === 0xffff || dirOffset === ZIP64_MARK || dirSize === ZIP64_MARK) throw new ZipError('it is a zip64 file, which is not supported');
  if (count > limits.maxEntries) throw new ZipError(`it holds ${count} entries; ${limits.holder} holds at most ${limits.maxEntries}`);
  if (dirOffset + dirSize > end) throw new ZipError('its zip directory is damaged');

  const entries: ZipEntry[] = [];
  let at = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new ZipError('its zip directory is damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const unixMode = view.getUint32(at + 38, true) >>> 16;
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) throw new ZipError('its zip directory is damaged');
    const name = entryName(data.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 1) throw new ZipError(`"${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipError(`"${name}" uses compression method ${method}; only stored and deflate are supported`);
    if ((unixMode & S_IFMT) === S_IFLNK) throw new ZipError(`"${name}" is a symbolic link`);
    if ([compressedSize, size, localHeaderOffset].includes(ZIP64_MARK)) throw new ZipError('it is a zip64 file, which is not supported');
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError(`it unpacks to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB, more than ${limits.holder} may hold`);
    }
    entries.push({ name, method, crc, compressedSize, size, localHeaderOffset, isDirectory: name.endsWith('/') });
  }
  return entries;
}

/**
 * Why an entry name is unsafe to use as a relative path (absolute, a drive letter, a backslash,
 * "." or ".." parts, overlong), or null when it is not. `holder` names the archive ("pack").
 */
export function unsafeEntryName(name: string, holder: string): string | null {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `"${name}" is an absolute path`;
  if (name.includes('\\')) return `"${name}" contains a backslash`;
  if (name.split('/').some((part) => part === '..' || part === '.')) return `"${name}" climbs out of the ${holder} ("..")`;
  if (name.length > 300) return 'an entry has an overlong name';
  return null;
}

/** The bytes of one entry, checked against its declared size and CRC-32. */
export function readZipEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipError(`"${entry.name}" is damaged (no local header)`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > data.byteLength) throw new ZipError(`"${entry.name}" is damaged (cut short)`);
  const raw = data.subarray(start, stop);
  const bytes = entry.method === 0 ? raw : inflateBounded(raw, entry);
  if (bytes.byteLength !== entry.size) throw new ZipError(`"${entry.name}" is damaged (its size does not match the zip directory)`);
  if (crc32(bytes) >>> 0 !== entry.crc) throw new ZipError(`"${entry.name}" is damaged (checksum mismatch)`);
  return bytes;
}

/** Inflates `raw`, giving up as soon as the output is larger than the entry declares. */
function inflateBounded(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.byteLength > entry.size) throw new ZipError(`"${entry.name}" is damaged (it unpacks to more than its declared size)`);
    out.set(chunk, filled);
    filled += chunk.byteLength;
  });
  try {
    for (let at = 0; at < raw.byteLength || at === 0; at += INFLATE_STEP) {
      inflater.push(raw.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= raw.byteLength);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`"${entry.name}" is damaged (it does not decompress)`);
  }
  return out.subarray(0, filled);
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * What an installer would ship, read from package-lock.json and electron-builder.yml (the
 * installers themselves cannot be built here: electron-builder downloads Electron). Every target
 * OS must get a recogniser that needs nothing but the package, and its model and WebAssembly
 * must sit outside app.asar, where they can be read as files.
 */
const TARGETS = [
  { os: 'win32', cpu: 'x64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'linux', cpu: 'x64' },
] as const;

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly os?: readonly string[];
  readonly cpu?: readonly string[];
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { asarUnpack?: string[]; files?: string[] };

function installsOn(entry: LockEntry, target: (typeof TARGETS)[number]): boolean {
  const fits = (list: readonly string[] | undefined, value: string) => !list || list.includes(value) || (list.some((v) => v.startsWith('!')) && !list.includes(`!${value}`));
  return !entry.dev && fits(entry.os, target.os) && fits(entry.cpu, target.cpu);
}

/** Files of a package folder, as paths inside the app (node_modules/...). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative('.', path).split('\\').join('/')];
  });
}

describe('speech recognition in every installer', () => {
  const spotter = lock.packages['node_modules/soundswallower'];

  it('ships the phrase spotter (WebAssembly, its own model) on every target OS', () => {
    expect(spotter?.version).toBe('0.6.3');
    for (const target of TARGETS) expect(spotter && installsOn(spotter, target), `${target.os}-${target.cpu}`).toBe(true);
  });

  it('unpacks the spotter\'s model and WebAssembly from app.asar', () => {
    const patterns = builder.asarUnpack ?? [];
    const needed = filesUnder('node_modules/soundswallower/model/en-us').concat(['node_modules/soundswallower/soundswallower.node.wasm']);
    const packed = needed.filter((file) => !patterns.some((p) => minimatch(file, p, { dot: true })));
    expect(packed).toEqual([]);
    for (const ext of ['node', 'wasm', 'dll', 'dylib', 'so']) expect(patterns.some((p) => minimatch(`node_modules/x/lib/a.${ext}`, p)), ext).toBe(true);
  });
});

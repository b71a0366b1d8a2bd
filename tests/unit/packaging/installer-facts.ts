import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/**
 * What an installer would ship, read from package-lock.json, package.json and
 * electron-builder.yml (installers cannot be built here: electron-builder downloads Electron).
 * Shared by the packaging tests.
 */
export const TARGETS = [
  { os: 'win32', cpu: 'x64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'linux', cpu: 'x64' },
] as const;
export type Target = (typeof TARGETS)[number];

export interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly os?: readonly string[];
  readonly cpu?: readonly string[];
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

export const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

export interface BuilderConfig {
  readonly asarUnpack?: string[];
  readonly files?: string[];
  readonly extraResources?: ({ from: string; to: string } | string)[];
}
export const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** Whether npm installs the package on that OS and CPU (its os/cpu lists, "!" exclusions included). */
export function installsOn(entry: LockEntry, target: Target): boolean {
  const fits = (list: readonly string[] | undefined, value: string) => !list || list.includes(value) || (list.some((v) => v.startsWith('!')) && !list.includes(`!${value}`));
  return !entry.dev && fits(entry.os, target.os) && fits(entry.cpu, target.cpu);
}

/** Files of a package folder, as paths inside the app (node_modules/...). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative('.', path).split('\\').join('/')];
  });
}

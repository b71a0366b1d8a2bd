import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioRoots } from './scenario-repository.js';

/**
 * A cheap fingerprint of both scenario folders, so the UI can poll it and reload the catalog
 * only when something changed: the name, size and modification time of every scenario file and
 * of every clip under audio/<id>/ and audio/<id>/coach/ (a few dozen stat calls, no parsing).
 */

const MAX_ENTRIES = 5000;

function describe(path: string, out: string[]): boolean {
  try {
    const stat = statSync(path);
    out.push(`${path}|${stat.isDirectory() ? 'd' : 'f'}|${stat.size}|${stat.mtimeMs}|${stat.ino}`);
    return stat.isDirectory();
  } catch {
    return false;
  }
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Describes `dir` and its entries, and the entries of its folders down to `depth` levels. */
function walk(dir: string, depth: number, out: string[]): void {
  if (!describe(dir, out) || depth === 0) return;
  for (const name of names(dir)) {
    if (out.length > MAX_ENTRIES) return;
    const path = join(dir, name);
    if (describe(path, out) && depth > 1) walk(path, depth - 1, out);
  }
}

export function scenarioRevision(roots: ScenarioRoots): string {
  const out: string[] = [];
  for (const root of [roots.shipped, roots.user]) {
    // root/*.yaml, root/audio/<id>/<clip>, root/audio/<id>/coach/<step>.wav (depth 4 below root).
    for (const name of names(root)) {
      const path = join(root, name);
      if (name.endsWith('.yaml')) describe(path, out);
    }
    walk(join(root, 'audio'), 3, out);
  }
  return createHash('sha256').update(out.join('\n')).digest('hex').slice(0, 20);
}

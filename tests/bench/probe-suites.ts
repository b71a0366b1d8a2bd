import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * The hostile cases that live as test tables (bundles, packs, kill and disk faults) are run as
 * they are, once, and counted: each case is one hostile file or one fault, and it passes only
 * when the app refused it (or survived it) with nothing changed that should not have.
 */

const ROOT = resolve(import.meta.dirname, '../..');

export interface SuiteCount {
  readonly file: string;
  readonly tried: number;
  readonly survived: number;
  readonly failedNames: readonly string[];
}

interface JsonReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly title: string; readonly fullName: string; readonly status: string }[] }[];
}

/** Runs the files with vitest's JSON reporter; `counts` picks which tests are cases (the rest are set-up checks). */
export function runSuites(config: 'vitest.config.ts' | 'vitest.e2e.config.ts', files: readonly string[], isCase: (fullName: string) => boolean): SuiteCount[] {
  const dir = mkdtempSync(join(tmpdir(), 'tryout-probe-'));
  try {
    const out = join(dir, 'report.json');
    const run = spawnSync('npx', ['vitest', 'run', '--config', config, '--reporter=json', `--outputFile=${out}`, ...files], { cwd: ROOT, encoding: 'utf8', timeout: 30 * 60_000 });
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
    } catch {
      throw new Error(`vitest gave no report for ${files.join(', ')} (exit ${run.status}): ${run.stderr.slice(-2000)}`);
    }
    return report.testResults.map((file) => {
      const cases = file.assertionResults.filter((a) => isCase(a.fullName));
      return {
        file: relative(ROOT, file.name),
        tried: cases.length,
        survived: cases.filter((a) => a.status === 'passed').length,
        failedNames: cases.filter((a) => a.status !== 'passed').map((a) => a.title),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

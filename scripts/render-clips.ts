/**
 * npm run clips:render [--force] [--scenarios-dir <dir>] [scenario-id...]
 *
 * Renders every customer line (say and repeat steps) of the scenarios (default: every
 * `<dir>/*.yaml`) with festival, then sox: 16 kHz mono 16-bit PCM, silence trimmed to 50 ms
 * at both ends, peak normalised to -3 dBFS. Clips go to `<dir>/audio/<scenario-id>/<clip>`;
 * `clips.json` there maps each clip to the sha256 of its voice and caption, and a clip whose
 * file exists with a matching hash is kept unless --force. Clips no longer referenced are
 * removed. Each scenario's still-there line ("Hello? Are you still there?", or its own) is one
 * of its clips, and rendering the shipped folder also renders the default still-there clip
 * into `audio/_default/` (played for a scenario without its own). Prints one line per clip
 * rendered or removed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatProblem, parseScenario } from '../core/scenario/load.js';
import { clipFor, type Scenario } from '../core/scenario/schema.js';
import { DEFAULT_CLIPS_FOLDER, DEFAULT_STILL_THERE_CLIP, DEFAULT_STILL_THERE_LINE, stillThereLine } from '../core/scenario/still-there.js';
import { parseWavHeader } from '../electron/services/session/wav.js';

export type Voice = Scenario['customer']['voice'];

const DEFAULT_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
const FESTIVAL_VOICE: Record<Voice, string> = { 'us-slt': '(voice_cmu_us_slt_arctic_hts)', kal: '(voice_kal_diphone)' };
const INSTALL_HINT = 'apt-get install festival festvox-us-slt-hts festvox-kallpc16k sox';
export const CLIPS_JSON = 'clips.json';

/** sox effects after festival: mono 16 kHz, peak -3 dBFS, edges trimmed to 50 ms of silence. */
const SOX_EFFECTS = ['channels', '1', 'rate', '16k', 'gain', '-n', '-3', 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0.05', '0.05'];

/** The hash stored in clips.json for a caption spoken by a voice. */
export function captionHash(voice: Voice, text: string): string {
  return createHash('sha256').update(`${voice}\n${text}`).digest('hex');
}

/** The customer lines of a scenario, its still-there line included: clip file name -> caption. */
export function scenarioClips(scenario: Scenario): Map<string, string> {
  const clips = new Map<string, string>();
  const add = (clip: string, text: string) => {
    const other = clips.get(clip);
    if (other !== undefined && other !== text) throw new Error(`clip ${clip} is used for two different lines ("${other}" and "${text}")`);
    clips.set(clip, text);
  };
  for (const step of scenario.steps) {
    if ('say' in step || 'repeat' in step) add(clipFor(step), 'say' in step ? step.say : step.repeat.say);
  }
  const stillThere = stillThereLine(scenario);
  if (stillThere) add(stillThere.clip, stillThere.caption);
  return clips;
}

/** The shipped default clips (audio/_default/), spoken by the default voice. */
export const DEFAULT_CLIPS: { readonly voice: Voice; readonly clips: ReadonlyMap<string, string> } = {
  voice: 'us-slt',
  clips: new Map([[DEFAULT_STILL_THERE_CLIP, DEFAULT_STILL_THERE_LINE]]),
};

/** clips.json as a map; a missing or unreadable file is an empty map (every clip is re-rendered). */
export function readClipHashes(audioDir: string): Map<string, string> {
  try {
    const data: unknown = JSON.parse(readFileSync(join(audioDir, CLIPS_JSON), 'utf8'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return new Map();
    return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

function writeClipHashes(audioDir: string, hashes: ReadonlyMap<string, string>): void {
  const sorted = Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const tmp = join(audioDir, `.${CLIPS_JSON}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(tmp, join(audioDir, CLIPS_JSON));
}

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return statSync(join(dir, command)).isFile();
    } catch {
      return false;
    }
  });
}

function run(command: string, args: readonly string[], input?: string): void {
  const r = spawnSync(command, args, { input, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw new Error(`${command} failed: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} exited with ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  // festival reports an unknown voice (SIOD ERROR) but still exits 0.
  if (/SIOD ERROR/.test(r.stderr)) throw new Error(`${command}: ${r.stderr.trim()} (is the voice installed? ${INSTALL_HINT})`);
}

/** Renders one caption to `out` (written to a temporary name first, then renamed). */
function renderClip(voice: Voice, text: string, out: string, work: string): number {
  const raw = join(work, 'festival.wav');
  rmSync(raw, { force: true });
  run('text2wave', ['-eval', FESTIVAL_VOICE[voice], '-o', raw], text);
  if (!existsSync(raw) || statSync(raw).size <= 44) throw new Error(`text2wave wrote no audio for "${text}" (is the voice installed? ${INSTALL_HINT})`);
  const partial = `${out}.partial`;
  // -D: no dither, so the output is the same on every run and the padding is digital silence.
  run('sox', ['-D', raw, '-t', 'wav', '-e', 'signed-integer', '-b', '16', partial, ...SOX_EFFECTS]);
  renameSync(partial, out);
  const info = parseWavHeader(readFileSync(out));
  return info.dataBytes / (info.sampleRate * info.channels * 2);
}

interface Options {
  readonly dir: string;
  readonly force: boolean;
  readonly ids: readonly string[];
}

function parseArgs(args: readonly string[]): Options | string {
  let dir = DEFAULT_DIR;
  let force = false;
  const ids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--force') force = true;
    else if (arg === '--scenarios-dir') {
      const value = args[++i];
      if (value === undefined) return '--scenarios-dir needs a folder';
      dir = resolve(value);
    } else if (arg.startsWith('--scenarios-dir=')) dir = resolve(arg.slice('--scenarios-dir='.length));
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else ids.push(arg.replace(/\.ya?ml$/, ''));
  }
  return { dir, force, ids };
}

function scenarioFiles(options: Options): string[] {
  if (options.ids.length > 0) return options.ids.map((id) => join(options.dir, `${id}.yaml`));
  return readdirSync(options.dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(options.dir, name));
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

interface Counts {
  rendered: number;
  kept: number;
  removed: number;
}

/** Brings one scenario's audio folder up to date. Throws on a scenario or tool error. */
function renderScenario(scenario: Scenario, dir: string, force: boolean, work: string, counts: Counts): void {
  renderFolder(join(dir, 'audio', scenario.id), scenario.customer.voice, scenarioClips(scenario), force, work, counts);
}

/** Brings one audio folder up to date with these clips (file name -> caption) in this voice. */
function renderFolder(audioDir: string, voice: Voice, clips: ReadonlyMap<string, string>, force: boolean, work: string, counts: Counts): void {
  mkdirSync(audioDir, { recursive: true });
  const stored = readClipHashes(audioDir);
  const hashes = new Map<string, string>();
  try {
    for (const [clip, text] of clips) {
      const hash = captionHash(voice, text);
      const out = join(audioDir, clip);
      if (!force && stored.get(clip) === hash && existsSync(out)) {
        hashes.set(clip, hash);
        counts.kept++;
        continue;
      }
      const seconds = renderClip(voice, text, out, work);
      hashes.set(clip, hash);
      counts.rendered++;
      process.stdout.write(`rendered ${display(out)} (${seconds.toFixed(2)} s): ${text}\n`);
    }
    for (const name of readdirSync(audioDir).sort()) {
      if (!(name.endsWith('.wav') || name.endsWith('.partial')) || clips.has(name)) continue;
      rmSync(join(audioDir, name), { force: true });
      counts.removed++;
      process.stdout.write(`removed ${display(join(audioDir, name))}\n`);
    }
  } finally {
    // Keep the hashes of clips left untouched by a failure, so they are not rendered again.
    for (const [clip, hash] of stored) if (!hashes.has(clip) && clips.has(clip) && captionHash(voice, clips.get(clip) ?? '') === hash) hashes.set(clip, hash);
    writeClipHashes(audioDir, hashes);
  }
}

export function main(args: readonly string[]): number {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`clips:render: ${options}\nusage: npm run clips:render -- [--force] [--scenarios-dir <dir>] [scenario-id...]\n`);
    return 2;
  }
  const missing = ['text2wave', 'sox'].filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    process.stderr.write(`clips:render: ${missing.join(' and ')} not found; install with: ${INSTALL_HINT}\n`);
    return 1;
  }
  let files: string[];
  try {
    files = scenarioFiles(options);
  } catch (error) {
    process.stderr.write(`clips:render: cannot read ${display(options.dir)} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return 1;
  }
  const counts: Counts = { rendered: 0, kept: 0, removed: 0 };
  let failed = 0;
  const work = mkdtempSync(join(tmpdir(), 'tryout-clips-'));
  try {
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        process.stderr.write(`${display(file)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
        failed++;
        continue;
      }
      const parsed = parseScenario(display(file), text);
      if (!parsed.scenario) {
        for (const problem of parsed.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        failed++;
        continue;
      }
      try {
        renderScenario(parsed.scenario, options.dir, options.force, work, counts);
      } catch (error) {
        process.stderr.write(`${display(file)}: ${(error as Error).message}\n`);
        failed++;
      }
    }
    // The default clips ship with the app: rendered with the shipped scenarios.
    if (resolve(options.dir) === resolve(DEFAULT_DIR) && options.ids.length === 0) {
      try {
        renderFolder(join(options.dir, 'audio', DEFAULT_CLIPS_FOLDER), DEFAULT_CLIPS.voice, DEFAULT_CLIPS.clips, options.force, work, counts);
      } catch (error) {
        process.stderr.write(`audio/${DEFAULT_CLIPS_FOLDER}: ${(error as Error).message}\n`);
        failed++;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const summary = `clips:render: ${counts.rendered} rendered, ${counts.kept} up to date, ${counts.removed} removed`;
  process.stderr.write(`${summary}${failed > 0 ? `, ${failed} scenario${failed === 1 ? '' : 's'} failed` : ''}\n`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

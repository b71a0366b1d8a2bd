import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MAX_SCENARIO_SIZE, parseScenario, TOO_LARGE } from '../../../core/scenario/load.js';
import type { ScenarioRoot } from '../../../core/scenario/library.js';
import type { Scenario, ScenarioProblem } from '../../../core/scenario/schema.js';
import { ScenarioIdSchema } from '../../../core/session/ids.js';

/** Same rule as the scenario schema's clip names: a plain file name, never a path. */
const CLIP_NAME = /^[a-z0-9][a-z0-9._-]{0,120}\.wav$/;

export interface ScenarioLoad {
  readonly scenarios: Scenario[];
  readonly problems: ScenarioProblem[];
}

/** The two scenario folders: shipped with the app, and the user's own (<data dir>/scenarios). */
export interface ScenarioRoots {
  readonly shipped: string;
  readonly user: string;
}

/** A listed scenario and where it was loaded from. */
export interface LibraryEntry {
  readonly scenario: Scenario;
  readonly root: ScenarioRoot;
  /** The folder holding `<id>.yaml` and `audio/<id>/`. */
  readonly dir: string;
  readonly file: string;
  /** The version of its YAML file (contentRevision), recorded in each session's manifest. */
  readonly revision: string;
  /** A user copy hiding the shipped scenario with the same id. */
  readonly shadowsShipped: boolean;
}

export interface Library extends ScenarioLoad {
  readonly entries: ReadonlyMap<string, LibraryEntry>;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A file name for messages: relative to the working directory when inside it, else absolute. */
export function displayName(path: string): string {
  const absolute = resolve(path);
  const rel = relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel : absolute;
}

function readProblem(file: string, message: string): ScenarioProblem {
  return { file: displayName(file), line: 1, col: 1, message };
}

/**
 * The absolute path of a scenario's clip, or null when it does not exist. Anything path-like
 * (separators, "..", absolute paths, odd characters) is refused.
 */
export function resolveClipPath(scenariosDir: string, scenarioId: string, clip: string): string | null {
  if (!ScenarioIdSchema.safeParse(scenarioId).success || !CLIP_NAME.test(clip)) return null;
  const audioDir = resolve(scenariosDir, 'audio', scenarioId);
  const path = join(audioDir, clip);
  if (dirname(path) !== audioDir) return null;
  return isFile(path) ? path : null;
}

/** The `*.yaml` files directly in `dir` (not in subfolders), sorted by name. */
export function listScenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name))
    .filter(isFile);
}

/**
 * Reads and checks one scenario file; its clips are looked up in `<dir of file>/audio/<id>/`.
 * With `itemExists` (the checklists, as scenarios:check loads them), branch `because` items are checked too.
 */
export function loadScenarioFile(
  file: string,
  checkClips = true,
  itemExists?: (ref: string) => boolean,
): { scenario: Scenario | null; problems: ScenarioProblem[]; revision?: string } {
  let text: string;
  try {
    if (statSync(file).size > MAX_SCENARIO_SIZE) return { scenario: null, problems: [readProblem(file, TOO_LARGE)] };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { scenario: null, problems: [readProblem(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`)] };
  }
  const dir = dirname(file);
  const clipExists = (id: string, clip: string) => resolveClipPath(dir, id, clip) !== null;
  const parsed = parseScenario(displayName(file), text, { ...(checkClips ? { clipExists } : {}), ...(itemExists ? { itemExists } : {}) });
  return { ...parsed, revision: contentRevision(text) };
}

/** A scenario's version: the first 12 hex digits of the SHA-256 of its YAML file. */
export function contentRevision(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function isMissingClip(problem: ScenarioProblem): boolean {
  return problem.message.startsWith('missing clip ');
}

function byTitle(a: Scenario, b: Scenario): number {
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/** The loaded scenarios of one folder with their files, and the problems of the others. */
function loadFolder(dir: string, missingIsFine: boolean): { loaded: { scenario: Scenario; file: string; revision: string }[]; problems: ScenarioProblem[] } {
  let files: string[];
  try {
    files = listScenarioFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (missingIsFine && code === 'ENOENT') return { loaded: [], problems: [] };
    return { loaded: [], problems: [readProblem(dir, `cannot read the scenarios folder (${code})`)] };
  }
  const loaded: { scenario: Scenario; file: string; revision: string }[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const result = loadScenarioFile(file);
    // Missing clips alone do not keep a scenario out of the app: those lines are read by the
    // system voice, with captions. scenarios:check still reports them as problems.
    const scenario = result.scenario ?? (result.problems.every(isMissingClip) ? loadScenarioFile(file, false).scenario : null);
    if (scenario) loaded.push({ scenario, file, revision: result.revision ?? '' });
    problems.push(...result.problems);
  }
  return { loaded, problems };
}

/** Every valid scenario in `scenariosDir`, sorted by title, and the problems of the others. */
export function loadScenarios(scenariosDir: string): ScenarioLoad {
  const { loaded, problems } = loadFolder(scenariosDir, false);
  return { scenarios: loaded.map((l) => l.scenario).sort(byTitle), problems };
}

/**
 * Both roots, read afresh. A valid user copy of an id hides the shipped scenario (the entry says
 * so); a broken user copy hides nothing, and its problems are listed. A missing user folder is
 * simply empty.
 */
export function loadLibrary(roots: ScenarioRoots): Library {
  const shipped = loadFolder(roots.shipped, false);
  const user = loadFolder(roots.user, true);
  const entries = new Map<string, LibraryEntry>();
  for (const { scenario, file, revision } of shipped.loaded) {
    entries.set(scenario.id, { scenario, root: 'shipped', dir: roots.shipped, file: displayName(file), revision, shadowsShipped: false });
  }
  for (const { scenario, file, revision } of user.loaded) {
    const shadowsShipped = entries.has(scenario.id);
    entries.set(scenario.id, { scenario, root: 'user', dir: roots.user, file: displayName(file), revision, shadowsShipped });
  }
  const scenarios = [...entries.values()].map((e) => e.scenario).sort(byTitle);
  return { scenarios, problems: [...shipped.problems, ...user.problems], entries };
}

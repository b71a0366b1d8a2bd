import { LineCounter, parseDocument, type Document } from 'yaml';
import { ScenarioIdSchema } from '../session/ids.js';
import { crossChecks } from './cross-checks.js';
import { goalChecks } from './goal-checks.js';
import { fields, issueProblems, plainErrors, quote, type IssueProblem } from './issue-messages.js';
import { ScenarioHeaderSchema, STEP_KINDS, STEP_SCHEMAS, type Scenario, type ScenarioProblem, type Step } from './schema.js';
import { stillThereChecks } from './still-there-checks.js';
import { firstAlias, locate, locateKey, unresolvedAliases, yamlProblems, type Found } from './yaml-positions.js';

/** Alias expansions allowed while reading a file; more is reported (an "alias bomb"), not expanded. */
export const MAX_ALIAS_COUNT = 100;
/**
 * Scenario files are small (a long one is ~50 KB). Bigger files are refused unread: yaml's
 * duplicate-key check is quadratic in the number of keys of one mapping.
 */
export const MAX_SCENARIO_SIZE = 128 * 1024;
export const TOO_LARGE = `file is too large for a scenario (over ${MAX_SCENARIO_SIZE / 1024} KB)`;
/** More problems than this in one file are summed up in one last line. */
const MAX_PROBLEMS = 100;

export interface ParseScenarioOptions {
  /** Whether audio/<scenarioId>/<clip> exists. Clips are not checked without it. */
  readonly clipExists?: (scenarioId: string, clip: string) => boolean;
  /** Whether a checklist item (`respect/no-red-flags`) exists. Branch `because` items are not checked without it. */
  readonly itemExists?: (ref: string) => boolean;
}

export interface ParsedScenario {
  /** The scenario, or null when the file has any problem. */
  readonly scenario: Scenario | null;
  /** Every problem in the file, in file order. */
  readonly problems: ScenarioProblem[];
}

const KIND_LIST = 'say, hold, listen, type, repeat or branch';
const STEP_KEYS = new Set(Object.values(STEP_SCHEMAS).flatMap((schema) => Object.keys(schema.shape)));

/** `long-hold.yaml` -> `long-hold`. */
function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '');
}

function stepLabel(value: unknown, index: number): string {
  const id = fields(value)?.['id'];
  return typeof id === 'string' && id !== '' ? `step ${quote(id)}` : `step ${index + 1}`;
}

function place(doc: Document, p: IssueProblem): Found {
  return { span: p.key === undefined ? locate(doc, p.path) : locateKey(doc, p.path, p.key), message: p.message };
}

function checkStep(doc: Document, value: unknown, index: number, label: string, out: Found[]): Step | null {
  const path = ['steps', index];
  const step = fields(value);
  if (!step) {
    out.push({ span: locate(doc, path), message: `${label} must be a mapping with an "id" and one of ${KIND_LIST}` });
    return null;
  }
  const kinds = STEP_KINDS.filter((kind) => Object.hasOwn(step, kind));
  const kind = kinds[0];
  if (kind === undefined || kinds.length > 1) {
    const message = kind === undefined ? `${label} needs one of ${KIND_LIST}` : `${label} has more than one of ${kinds.join(', ')}; a step does one thing`;
    out.push({ span: locate(doc, path), message });
    for (const key of Object.keys(step)) {
      if (!STEP_KEYS.has(key)) out.push({ span: locateKey(doc, path, key), message: `unknown key ${quote(key)} in ${label}` });
    }
    return null;
  }
  const result = STEP_SCHEMAS[kind].safeParse(step, { error: plainErrors });
  if (result.success) return result.data;
  out.push(...issueProblems(result.error.issues, { base: path, value: step, step: label }).map((p) => place(doc, p)));
  return null;
}

function checkDocument(doc: Document, data: unknown, file: string, options: ParseScenarioOptions, checkTargets: boolean, lineOf: (offset: number) => number) {
  const found: Found[] = [];
  const header = ScenarioHeaderSchema.safeParse(data, { error: plainErrors });
  if (!header.success) found.push(...issueProblems(header.error.issues, { base: [], value: data, step: null }).map((p) => place(doc, p)));
  const id = fields(data)?.['id'];
  const stem = fileStem(file);
  if (typeof id === 'string' && id !== stem) {
    found.push({ span: locate(doc, ['id']), message: `scenario id ${quote(id)} does not match the file name (expected ${quote(stem)})` });
  }
  const steps = fields(data)?.['steps'];
  const raw: readonly unknown[] = Array.isArray(steps) ? steps : [];
  const labels = raw.map(stepLabel);
  const parsed = raw.map((value, i) => checkStep(doc, value, i, labels[i] ?? '', found));
  const scenarioId = ScenarioIdSchema.safeParse(id).success ? (id as string) : null;
  found.push(...crossChecks({ doc, raw, parsed, labels, scenarioId, clipExists: options.clipExists, checkTargets, lineOf }));
  if (checkTargets) found.push(...goalChecks({ doc, data, labels, itemExists: options.itemExists }));
  if (header.success) found.push(...stillThereChecks({ doc, stillThere: header.data.stillThere, parsed, labels, scenarioId, clipExists: options.clipExists }));

  let scenario: Scenario | null = null;
  if (header.success && parsed.every((s) => s !== null)) {
    const { steps: _steps, ...rest } = header.data;
    scenario = { ...rest, steps: parsed };
  }
  return { found, scenario };
}

/** Expands the document, or reports why it cannot be (unknown aliases, an alias bomb). Also used for checklists. */
export function expand(doc: Document): { data: unknown; found: Found[] } | { data?: never; found: Found[] } {
  const unresolved = unresolvedAliases(doc);
  if (unresolved.length > 0) return { found: unresolved };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), found: [] };
  } catch {
    return { found: [{ span: firstAlias(doc), message: `too many aliases: the file expands to more than ${MAX_ALIAS_COUNT} copies (an "alias bomb"?)` }] };
  }
}

export function toProblems(file: string, found: readonly Found[], lineCounter: LineCounter): ScenarioProblem[] {
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  for (const f of found) {
    const pos = lineCounter.linePos(f.span.start);
    const problem = { file, line: Math.max(1, pos.line), col: Math.max(1, pos.col), message: f.message };
    const key = formatProblem(problem);
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1] ?? { line: 1, col: 1 };
  const more = { file, line: last.line, col: last.col, message: `${problems.length - MAX_PROBLEMS} more problems not shown` };
  return [...problems.slice(0, MAX_PROBLEMS), more];
}

/** A YAML text read for checking: the document, its syntax and alias problems, and positions. */
export interface ReadYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly lineOf: (offset: number) => number;
  readonly syntax: { found: Found[]; cutoff: number };
  readonly expanded: ReturnType<typeof expand>;
  /** Syntax and alias problems so far; callers add their own. */
  readonly found: Found[];
}

/** Reads YAML the way scenario and checklist files are read (BOM dropped, unique keys, aliases bounded). */
export function readYaml(text: string): ReadYaml {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => Math.max(1, lineCounter.linePos(offset).line);
  const syntax = yamlProblems(doc, source, lineOf);
  const expanded = expand(doc);
  return { doc, lineCounter, lineOf, syntax, expanded, found: [...syntax.found, ...expanded.found] };
}

/** Parses and checks one scenario file, reporting every problem found in one pass. */
export function parseScenario(file: string, text: string, options: ParseScenarioOptions = {}): ParsedScenario {
  if (text.length > MAX_SCENARIO_SIZE) return { scenario: null, problems: [{ file, line: 1, col: 1, message: TOO_LARGE }] };
  const { doc, lineCounter, lineOf, syntax, expanded, found } = readYaml(text);
  let scenario: Scenario | null = null;
  if (expanded.found.length === 0) {
    const checked = checkDocument(doc, expanded.data, file, options, syntax.cutoff === Infinity, lineOf);
    // After a structural syntax error, only what lies wholly before it can be trusted, and not
    // the line just before it either (its value may be the broken line).
    const errorLine = syntax.cutoff === Infinity ? 0 : lineOf(syntax.cutoff);
    const trusted = errorLine === 0 ? Infinity : (lineCounter.lineStarts[errorLine - 2] ?? 0);
    found.push(...checked.found.filter((f) => f.span.end <= trusted));
    scenario = checked.scenario;
  }
  const problems = toProblems(file, found, lineCounter);
  return { scenario: problems.length === 0 ? scenario : null, problems };
}

/** `file:line:col: message`. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

import type { Document } from 'yaml';
import { fields, quote, type Fields } from './issue-messages.js';
import { clipFor, type Step } from './schema.js';
import { locate, locateKey, type Found, type Path } from './yaml-positions.js';

export interface CrossCheckInput {
  readonly doc: Document;
  /** The steps as written (plain data), valid or not. */
  readonly raw: readonly unknown[];
  /** The validated steps, index for index; null where a step is invalid. */
  readonly parsed: readonly (Step | null)[];
  /** `step "greet"` or `step 3`, index for index. */
  readonly labels: readonly string[];
  /** The header's scenario id when valid, else null (then clips are not checked). */
  readonly scenarioId: string | null;
  readonly clipExists: ((scenarioId: string, clip: string) => boolean) | undefined;
  /** False when a YAML syntax error makes the list of step ids unreliable. */
  readonly checkTargets: boolean;
  readonly lineOf: (offset: number) => number;
}

/** The targets a step can go to, with their paths inside the step. */
function targets(step: Fields): { path: Path; to: string; via: string }[] {
  const out: { path: Path; to: string; via: string }[] = [];
  if (typeof step['next'] === 'string') out.push({ path: ['next'], to: step['next'], via: 'next' });
  const branch = fields(step['branch']);
  if (!branch) return out;
  const rules = Array.isArray(branch['rules']) ? (branch['rules'] as unknown[]) : [];
  rules.forEach((rule, j) => {
    const to = fields(rule)?.['goto'];
    if (typeof to === 'string') out.push({ path: ['branch', 'rules', j, 'goto'], to, via: 'branch' });
  });
  if (typeof branch['otherwise'] === 'string') out.push({ path: ['branch', 'otherwise'], to: branch['otherwise'], via: 'branch' });
  return out;
}

/** Step ids to the first step (and its index) that has them. */
type StepsById = Map<string, { readonly index: number; readonly step: Fields }>;

function idChecks(input: CrossCheckInput, byId: StepsById, out: Found[]): void {
  input.raw.forEach((value, i) => {
    const step = fields(value);
    const id = step?.['id'];
    if (!step || typeof id !== 'string') return;
    const span = locate(input.doc, ['steps', i, 'id']);
    const first = byId.get(id);
    if (first) {
      const line = input.lineOf(locate(input.doc, ['steps', first.index, 'id']).start);
      out.push({ span, message: `duplicate step id ${quote(id)} (first used on line ${line})` });
    } else {
      byId.set(id, { index: i, step });
    }
    if (id === 'end') out.push({ span, message: 'step id "end" is reserved: "next: end" ends the call' });
  });
}

function targetChecks(input: CrossCheckInput, byId: StepsById, out: Found[]): void {
  input.raw.forEach((value, i) => {
    const step = fields(value);
    if (!step) return;
    for (const t of targets(step)) {
      if (t.to !== 'end' && !byId.has(t.to)) {
        out.push({ span: locate(input.doc, ['steps', i, ...t.path]), message: `${t.via} in ${input.labels[i] ?? ''} goes to unknown step ${quote(t.to)}` });
      }
    }
    const of = fields(step['repeat'])?.['of'];
    if (typeof of !== 'string') return;
    const target = byId.get(of)?.step;
    if (target && 'listen' in target) return;
    const message = target
      ? `repeat in ${input.labels[i] ?? ''} must name a listen step, and ${quote(of)} is not one`
      : `repeat in ${input.labels[i] ?? ''} names unknown step ${quote(of)}`;
    out.push({ span: locate(input.doc, ['steps', i, 'repeat', 'of']), message });
  });
}

function clipChecks(input: CrossCheckInput, out: Found[]): void {
  const { scenarioId, clipExists } = input;
  if (!scenarioId || !clipExists) return;
  input.parsed.forEach((step, i) => {
    if (!step || !('say' in step || 'repeat' in step)) return;
    const clip = clipFor(step);
    if (clipExists(scenarioId, clip)) return;
    // Point at the clip name when given, else at the say/repeat key (the clip is <step-id>.wav).
    const [kind, named]: [string, boolean] = 'say' in step ? ['say', step.clip !== undefined] : ['repeat', step.repeat.clip !== undefined];
    const clipPath: Path = kind === 'say' ? ['steps', i, 'clip'] : ['steps', i, 'repeat', 'clip'];
    const span = named ? locate(input.doc, clipPath) : locateKey(input.doc, ['steps', i], kind);
    out.push({ span, message: `missing clip audio/${scenarioId}/${clip} for ${input.labels[i] ?? ''}` });
  });
}

/** Checks across steps: duplicate ids, targets, repeat.of, clips. */
export function crossChecks(input: CrossCheckInput): Found[] {
  const out: Found[] = [];
  const byId: StepsById = new Map();
  idChecks(input, byId, out);
  if (input.checkTargets) targetChecks(input, byId, out);
  clipChecks(input, out);
  return out;
}

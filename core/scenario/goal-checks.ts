import type { Document } from 'yaml';
import { fields, quote, type Fields } from './issue-messages.js';
import { locate, type Found } from './yaml-positions.js';

/**
 * Checks across a scenario's goals that a schema cannot make alone: the facts a step names
 * exist in the header, an outcome sits only on the customer's last line, a branch's `because`
 * names a checklist the scenario uses (and, when the checklists are known, an item in it).
 */
export interface GoalCheckInput {
  readonly doc: Document;
  /** The whole document as plain data, valid or not. */
  readonly data: unknown;
  /** `step "greet"` or `step 3`, index for index with the steps. */
  readonly labels: readonly string[];
  /** Whether a checklist item (`respect/no-red-flags`) exists; `because` items are not checked without it. */
  readonly itemExists: ((ref: string) => boolean) | undefined;
}

const CUSTOMER_LINE_KINDS = ['say', 'repeat'] as const;

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function stepsOf(data: unknown): readonly unknown[] {
  return list(fields(data)?.['steps']);
}

/** Fact ids of the header, and problems for ids given twice. */
function headerFacts(input: GoalCheckInput, out: Found[]): Set<string> {
  const ids = new Set<string>();
  list(fields(input.data)?.['facts']).forEach((value, i) => {
    const id = fields(value)?.['id'];
    if (typeof id !== 'string') return;
    if (ids.has(id)) out.push({ span: locate(input.doc, ['facts', i, 'id']), message: `duplicate fact id ${quote(id)}` });
    ids.add(id);
  });
  return ids;
}

function stepGoalChecks(input: GoalCheckInput, facts: ReadonlySet<string>, out: Found[]): void {
  const known = facts.size === 0 ? 'the scenario has no facts' : `the scenario's facts are ${[...facts].join(', ')}`;
  stepsOf(input.data).forEach((value, i) => {
    const goals = fields(fields(value)?.['goals']);
    if (!goals) return;
    const label = input.labels[i] ?? '';
    list(goals['facts']).forEach((id, j) => {
      if (typeof id === 'string' && !facts.has(id)) {
        out.push({ span: locate(input.doc, ['steps', i, 'goals', 'facts', j]), message: `${label} names unknown fact ${quote(id)} (${known})` });
      }
    });
    const moves = new Set<string>();
    list(goals['expect']).forEach((expected, j) => {
      const move = fields(expected)?.['move'];
      if (typeof move !== 'string') return;
      if (moves.has(move)) out.push({ span: locate(input.doc, ['steps', i, 'goals', 'expect', j, 'move']), message: `move ${quote(move)} is expected twice in ${label}` });
      moves.add(move);
    });
  });
}

/** Where the step at `index` can go: its next, its branch targets, or the following step ("end" after the last). */
function successors(steps: readonly unknown[], index: number): string[] {
  const step = fields(steps[index]) ?? {};
  const branch = fields(step['branch']);
  if (branch) {
    const gotos = list(branch['rules']).map((rule) => fields(rule)?.['goto']);
    return [...gotos, branch['otherwise']].filter((to): to is string => typeof to === 'string');
  }
  if (typeof step['next'] === 'string') return [step['next']];
  const following = fields(steps[index + 1])?.['id'];
  return [typeof following === 'string' ? following : 'end'];
}

function hasKind(step: Fields | null, kinds: readonly string[]): boolean {
  return step !== null && kinds.some((kind) => Object.hasOwn(step, kind));
}

/** The first customer line (say or repeat step) that can still follow step `index`, or null. */
function laterCustomerLine(steps: readonly unknown[], index: number): string | null {
  const byId = new Map<string, number>();
  steps.forEach((s, i) => {
    const id = fields(s)?.['id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, i);
  });
  const seen = new Set<number>();
  const queue = successors(steps, index);
  for (let to = queue.shift(); to !== undefined; to = queue.shift()) {
    const at = byId.get(to);
    if (at === undefined || seen.has(at)) continue;
    seen.add(at);
    const step = fields(steps[at]);
    if (hasKind(step, CUSTOMER_LINE_KINDS)) return to;
    queue.push(...successors(steps, at));
  }
  return null;
}

function outcomeChecks(input: GoalCheckInput, out: Found[]): void {
  const steps = stepsOf(input.data);
  steps.forEach((value, i) => {
    const step = fields(value);
    if (!step || !Object.hasOwn(step, 'say') || step['outcome'] === undefined) return;
    const later = laterCustomerLine(steps, i);
    if (later === null) return;
    const message = `outcome in ${input.labels[i] ?? ''}: only the customer's last line says how the call ended, and step ${quote(later)} can still follow`;
    out.push({ span: locate(input.doc, ['steps', i, 'outcome']), message });
  });
}

function becauseChecks(input: GoalCheckInput, out: Found[]): void {
  const used = list(fields(input.data)?.['checklists']).filter((c): c is string => typeof c === 'string');
  stepsOf(input.data).forEach((value, i) => {
    list(fields(fields(value)?.['branch'])?.['rules']).forEach((rule, j) => {
      const because = fields(rule)?.['because'];
      if (typeof because !== 'string' || !because.includes('/')) return;
      const span = locate(input.doc, ['steps', i, 'branch', 'rules', j, 'because']);
      const where = `because in ${input.labels[i] ?? ''}`;
      const checklist = because.slice(0, because.indexOf('/'));
      if (!used.includes(checklist)) {
        out.push({ span, message: `${where} names the ${quote(checklist)} checklist, which this scenario does not use (it uses ${used.join(', ') || 'none'})` });
      } else if (input.itemExists && !input.itemExists(because)) {
        out.push({ span, message: `${where} names unknown checklist item ${quote(because)}` });
      }
    });
  });
}

/** Goal checks of one scenario document. */
export function goalChecks(input: GoalCheckInput): Found[] {
  const out: Found[] = [];
  const facts = headerFacts(input, out);
  stepGoalChecks(input, facts, out);
  outcomeChecks(input, out);
  becauseChecks(input, out);
  return out;
}

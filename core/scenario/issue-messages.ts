import type { z } from 'zod';
import type { Path } from './yaml-positions.js';

type Issue = z.core.$ZodIssue;

/** Marks messages written by `plainErrors`; any other message is a custom one from the schema. */
const PLAIN = '\u0000';

const NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list',
};

export type Fields = Readonly<Record<string, unknown>>;

/** The value as a mapping, or null when it is not one. */
export function fields(value: unknown): Fields | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null;
}

/** Quotes a value from the file for a message: escaped, on one line, not too long. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${String(value)}`;
  return typeof value;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

function plural(n: number | bigint, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** A per-parse zod error map with short, plain messages (used unless the schema has its own). */
export const plainErrors: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return `${PLAIN}must be ${NAMES[iss.expected] ?? iss.expected}, not ${describe(iss.input)}`;
    case 'too_small': {
      const min = iss.minimum;
      if (iss.origin === 'string') return PLAIN + (min === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character')}`);
      if (iss.origin === 'array') return `${PLAIN}needs at least ${plural(min, 'item')}`;
      return `${PLAIN}must be ${iss.inclusive ? 'at least' : 'more than'} ${String(min)}`;
    }
    case 'too_big': {
      const max = iss.maximum;
      if (iss.origin === 'string') return `${PLAIN}must be at most ${plural(max, 'character')}`;
      if (iss.origin === 'array') return `${PLAIN}must have at most ${plural(max, 'item')}`;
      return `${PLAIN}must be ${iss.inclusive ? 'at most' : 'less than'} ${String(max)}`;
    }
    case 'invalid_value':
      return `${PLAIN}must be ${orList(iss.values.map((v) => JSON.stringify(v) ?? String(v)))}`;
    case 'invalid_format':
      return `${PLAIN}has the wrong format`;
    default:
      return undefined;
  }
};

/** A problem from a zod issue, before it gets a position. */
export interface IssueProblem {
  /** Absolute path in the document. */
  readonly path: Path;
  /** For an unknown key: the key, to point at it rather than at its mapping. */
  readonly key?: string;
  readonly message: string;
}

export interface IssueContext {
  /** Absolute path of the validated value (e.g. ["steps", 2]). */
  readonly base: Path;
  /** The validated value, to tell a missing key from a wrong one. */
  readonly value: unknown;
  /** `step "greet"`, or null for the scenario header. */
  readonly step: string | null;
}

function label(path: Path): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : `${i > 0 ? '.' : ''}${String(seg)}`)).join('');
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The union option the input was meant for: the only one without an unknown key at its top. */
function intendedOption(errors: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const fits = errors.filter((issues) => !issues.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

/** The keys a union option knows: those it asks for, and those of the input it did not reject. */
function optionKeys(issues: readonly Issue[], input: Fields | null): string[] {
  const rejected = new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [])));
  const accepted = Object.keys(input ?? {}).filter((key) => !rejected.has(key));
  return [...issues.filter((i) => i.path.length === 1).map((i) => String(i.path[0])), ...accepted];
}

function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, ctx: IssueContext, out: IssueProblem[]): void {
  const option = intendedOption(issue.errors);
  if (option) {
    for (const sub of option) collect({ ...sub, path: [...issue.path, ...sub.path] } as Issue, ctx, out);
    return;
  }
  const input = fields(valueAt(ctx.value, issue.path));
  const keys = [...new Set(issue.errors.flatMap((issues) => optionKeys(issues, input)))];
  const first = issue.errors[0]?.[0];
  if (keys.length === 0 && first) return collect({ ...first, path: [...issue.path, ...first.path] } as Issue, ctx, out);
  const where = ctx.step ? ` in ${ctx.step}` : '';
  out.push({ path: [...ctx.base, ...issue.path], message: `"${label(issue.path)}"${where} must have exactly one of ${orList(keys)}` });
}

function collect(issue: Issue, ctx: IssueContext, out: IssueProblem[]): void {
  const path = [...ctx.base, ...issue.path];
  const name = label(issue.path);
  const where = ctx.step ? ` in ${ctx.step}` : '';
  if (issue.code === 'unrecognized_keys') {
    const under = name ? ` under "${name}"` : '';
    for (const key of issue.keys) out.push({ path, key, message: `unknown key ${quote(key)}${under}${where}` });
  } else if (issue.code === 'invalid_union') {
    unionProblems(issue, ctx, out);
  } else if (!issue.message.startsWith(PLAIN)) {
    out.push({ path, message: ctx.step ? `${issue.message} (${ctx.step})` : issue.message });
  } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && name && valueAt(ctx.value, issue.path) === undefined) {
    out.push({ path, message: `missing "${name}"${where}` });
  } else {
    const subject = name ? `"${name}"${where}` : (ctx.step ?? 'the file');
    out.push({ path, message: `${subject} ${issue.message.slice(PLAIN.length)}` });
  }
}

/** Short, plain problems for the issues of one `safeParse(value, { error: plainErrors })`. */
export function issueProblems(issues: readonly Issue[], ctx: IssueContext): IssueProblem[] {
  const out: IssueProblem[] = [];
  for (const issue of issues) collect(issue, ctx, out);
  return out;
}

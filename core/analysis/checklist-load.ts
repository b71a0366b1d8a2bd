import type { Document } from 'yaml';
import { fields, issueProblems, plainErrors, quote } from '../scenario/issue-messages.js';
import { readYaml, toProblems } from '../scenario/load.js';
import type { ScenarioProblem } from '../scenario/schema.js';
import { locate, locateKey, type Found } from '../scenario/yaml-positions.js';
import { ChecklistItemSchema, ChecklistSchema, type Checklist, type ChecklistItem } from './checklist-schema.js';

/** Checklist files are small; bigger ones are refused unread (as scenarios are). */
export const MAX_CHECKLIST_SIZE = 64 * 1024;

export interface ParsedChecklist {
  /** The checklist, or null when the file has any problem. */
  readonly checklist: Checklist | null;
  /** Every problem, as `file:line:col: message` parts, in file order. */
  readonly problems: ScenarioProblem[];
}

function withoutItems(top: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(top).filter(([key]) => key !== 'items'));
}

function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '');
}

function itemLabel(value: unknown, index: number): string {
  const id = fields(value)?.['id'];
  return typeof id === 'string' && id !== '' ? `item ${quote(id)}` : `item ${index + 1}`;
}

function place(doc: Document, p: { path: readonly PropertyKey[]; key?: string; message: string }): Found {
  return { span: p.key === undefined ? locate(doc, p.path) : locateKey(doc, p.path, p.key), message: p.message };
}

function checkItem(doc: Document, value: unknown, index: number, out: Found[]): ChecklistItem | null {
  const label = itemLabel(value, index);
  const path = ['items', index];
  const item = fields(value);
  if (!item) {
    out.push({ span: locate(doc, path), message: `${label} must be a mapping with id, title, kind and (for auto items) rule` });
    return null;
  }
  if (item['kind'] !== 'auto' && item['kind'] !== 'coach-only') {
    const message = item['kind'] === undefined ? `missing "kind" in ${label} (auto or coach-only)` : `"kind" in ${label} must be "auto" or "coach-only"`;
    out.push({ span: item['kind'] === undefined ? locate(doc, path) : locate(doc, [...path, 'kind']), message });
    return null;
  }
  const result = ChecklistItemSchema.safeParse(item, { error: plainErrors });
  if (result.success) return result.data;
  out.push(...issueProblems(result.error.issues, { base: path, value: item, step: label }).map((p) => place(doc, p)));
  return null;
}

function checkDocument(doc: Document, data: unknown, file: string): { found: Found[]; checklist: Checklist | null } {
  const found: Found[] = [];
  const top = fields(data);
  const raw: readonly unknown[] = Array.isArray(top?.['items']) ? (top['items'] as unknown[]) : [];
  // Items are checked one by one below, for messages that name the item.
  const headerResult = ChecklistSchema.omit({ items: true }).safeParse(top ? withoutItems(top) : data, { error: plainErrors });
  if (!headerResult.success) found.push(...issueProblems(headerResult.error.issues, { base: [], value: data, step: null }).map((p) => place(doc, p)));
  if (top && !Array.isArray(top['items'])) {
    found.push({ span: top['items'] === undefined ? locate(doc, []) : locate(doc, ['items']), message: top['items'] === undefined ? 'missing "items"' : '"items" must be a list' });
  } else if (top && raw.length === 0) {
    found.push({ span: locate(doc, ['items']), message: 'a checklist needs at least one item' });
  }
  const id = top?.['id'];
  if (typeof id === 'string' && id !== fileStem(file)) {
    found.push({ span: locate(doc, ['id']), message: `checklist id ${quote(id)} does not match the file name (expected ${quote(fileStem(file))})` });
  }
  const items = raw.map((value, i) => checkItem(doc, value, i, found));
  const seen = new Map<string, number>();
  raw.forEach((value, i) => {
    const itemId = fields(value)?.['id'];
    if (typeof itemId !== 'string') return;
    if (seen.has(itemId)) found.push({ span: locate(doc, ['items', i, 'id']), message: `duplicate item id ${quote(itemId)}` });
    else seen.set(itemId, i);
  });
  if (!headerResult.success || raw.length === 0 || items.some((item) => item === null)) return { found, checklist: null };
  const checked = ChecklistSchema.safeParse({ ...headerResult.data, items });
  return { found, checklist: checked.success ? checked.data : null };
}

/** Parses and checks one checklist file, reporting every problem in one pass. */
export function parseChecklist(file: string, text: string): ParsedChecklist {
  if (text.length > MAX_CHECKLIST_SIZE) return { checklist: null, problems: [{ file, line: 1, col: 1, message: `file is too large for a checklist (over ${MAX_CHECKLIST_SIZE / 1024} KB)` }] };
  const { doc, lineCounter, syntax, expanded, found } = readYaml(text);
  let checklist: Checklist | null = null;
  if (expanded.found.length === 0 && syntax.cutoff === Infinity) {
    const checked = checkDocument(doc, expanded.data, file);
    found.push(...checked.found);
    checklist = checked.checklist;
  }
  const problems = toProblems(file, found, lineCounter);
  return { checklist: problems.length === 0 ? checklist : null, problems };
}

import type { Document } from 'yaml';
import { z } from 'zod';
import { MOVE_IDS, RED_FLAG_IDS } from '../scenario/goals-schema.js';
import { fields, issueProblems, plainErrors, quote } from '../scenario/issue-messages.js';
import { readYaml, toProblems } from '../scenario/load.js';
import type { ScenarioProblem } from '../scenario/schema.js';
import { locate, locateKey, type Found, type Path } from '../scenario/yaml-positions.js';
import { MoveDefinitionSchema, RedFlagDefinitionSchema, VocabularySchema, type Vocabulary } from './vocabulary-schema.js';

/**
 * Reads scenarios/judgement/moves.yaml (the shared vocabulary of moves and red flags) the way
 * scenario and checklist files are read: every problem in one pass, as file:line:col.
 */

/** The vocabulary holds a few hundred wordings (~40 KB); far bigger files are refused unread. */
export const MAX_VOCABULARY_SIZE = 256 * 1024;

export interface ParseVocabularyOptions {
  /** Whether a checklist item (`respect/acknowledges`) exists. Items are not checked without it. */
  readonly itemExists?: (ref: string) => boolean;
}

export interface ParsedVocabulary {
  /** The vocabulary, or null when the file has any problem. */
  readonly vocabulary: Vocabulary | null;
  readonly problems: ScenarioProblem[];
}

type Section = 'moves' | 'redFlags';
const SECTIONS: readonly { key: Section; noun: string; ids: readonly string[] }[] = [
  { key: 'moves', noun: 'move', ids: MOVE_IDS },
  { key: 'redFlags', noun: 'red flag', ids: RED_FLAG_IDS },
];

/** A wording as compared for duplicates: lower case, no punctuation, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function entryLabel(noun: string, value: unknown, index: number): string {
  const id = fields(value)?.['id'];
  return typeof id === 'string' && id !== '' ? `${noun} ${quote(id)}` : `${noun} ${index + 1}`;
}

function place(doc: Document, p: { path: Path; key?: string; message: string }): Found {
  return { span: p.key === undefined ? locate(doc, p.path) : locateKey(doc, p.path, p.key), message: p.message };
}

/** The file's other keys (synonyms ...), checked as one mapping; the sections entry by entry. */
const { moves: _moves, redFlags: _redFlags, ...restShape } = VocabularySchema.shape;
const RestSchema = z.strictObject(restShape);

function checkShape(doc: Document, top: Readonly<Record<string, unknown>>, out: Found[]): void {
  const rest = Object.fromEntries(Object.entries(top).filter(([key]) => key !== 'moves' && key !== 'redFlags'));
  const restResult = RestSchema.safeParse(rest, { error: plainErrors });
  if (!restResult.success) out.push(...issueProblems(restResult.error.issues, { base: [], value: rest, step: null }).map((p) => place(doc, p)));
  for (const { key, noun, ids } of SECTIONS) {
    const entries = top[key];
    if (!Array.isArray(entries)) {
      out.push({ span: locate(doc, entries === undefined ? [] : [key]), message: entries === undefined ? `missing "${key}"` : `"${key}" must be a list` });
      continue;
    }
    const schema = key === 'moves' ? MoveDefinitionSchema : RedFlagDefinitionSchema;
    const seen = new Set<string>();
    entries.forEach((value, i) => {
      const label = entryLabel(noun, value, i);
      const result = schema.safeParse(value, { error: plainErrors });
      if (!result.success) out.push(...issueProblems(result.error.issues, { base: [key, i], value, step: label }).map((p) => place(doc, p)));
      const id = fields(value)?.['id'];
      if (typeof id !== 'string') return;
      if (seen.has(id)) out.push({ span: locate(doc, [key, i, 'id']), message: `duplicate ${noun} ${quote(id)}` });
      seen.add(id);
    });
    for (const id of ids) if (!seen.has(id)) out.push({ span: locateKey(doc, [], key), message: `${noun} ${quote(id)} is not defined` });
  }
}

/** Wordings listed twice in one entry, and wordings that are both a move and a red flag. */
function checkExamples(doc: Document, top: Readonly<Record<string, unknown>>, out: Found[]): void {
  const moveOf = new Map<string, string>();
  for (const { key, noun } of SECTIONS) {
    list(top[key]).forEach((value, i) => {
      const label = entryLabel(noun, value, i);
      const own = new Set<string>();
      list(fields(value)?.['examples']).forEach((example, j) => {
        if (typeof example !== 'string') return;
        const text = normalise(example);
        const span = locate(doc, [key, i, 'examples', j]);
        if (own.has(text)) out.push({ span, message: `example ${quote(example)} is listed twice in ${label}` });
        own.add(text);
        const move = moveOf.get(text);
        if (key === 'moves' && move === undefined) moveOf.set(text, label);
        if (key === 'redFlags' && move !== undefined) out.push({ span, message: `example ${quote(example)} is both a ${label} and a ${move}` });
      });
    });
  }
}

function checkItems(doc: Document, top: Readonly<Record<string, unknown>>, itemExists: (ref: string) => boolean, out: Found[]): void {
  for (const { key, noun } of SECTIONS) {
    list(top[key]).forEach((value, i) => {
      const item = fields(value)?.['item'];
      if (typeof item === 'string' && !itemExists(item)) {
        out.push({ span: locate(doc, [key, i, 'item']), message: `${entryLabel(noun, value, i)} counts toward unknown checklist item ${quote(item)}` });
      }
    });
  }
}

function checkDocument(doc: Document, data: unknown, options: ParseVocabularyOptions): { found: Found[]; vocabulary: Vocabulary | null } {
  const found: Found[] = [];
  const top = fields(data);
  if (!top) return { found: [{ span: locate(doc, []), message: 'the file must be a mapping with "moves" and "redFlags"' }], vocabulary: null };
  checkShape(doc, top, found);
  checkExamples(doc, top, found);
  if (options.itemExists) checkItems(doc, top, options.itemExists, found);
  if (found.length > 0) return { found, vocabulary: null };
  const checked = VocabularySchema.safeParse(data);
  return { found, vocabulary: checked.success ? checked.data : null };
}

/** Parses and checks the vocabulary file, reporting every problem in one pass. */
export function parseVocabulary(file: string, text: string, options: ParseVocabularyOptions = {}): ParsedVocabulary {
  if (text.length > MAX_VOCABULARY_SIZE) {
    return { vocabulary: null, problems: [{ file, line: 1, col: 1, message: `file is too large for the moves vocabulary (over ${MAX_VOCABULARY_SIZE / 1024} KB)` }] };
  }
  const { doc, lineCounter, syntax, expanded, found } = readYaml(text);
  let vocabulary: Vocabulary | null = null;
  if (expanded.found.length === 0 && syntax.cutoff === Infinity) {
    const checked = checkDocument(doc, expanded.data, options);
    found.push(...checked.found);
    vocabulary = checked.vocabulary;
  }
  const problems = toProblems(file, found, lineCounter);
  return { vocabulary: problems.length === 0 ? vocabulary : null, problems };
}

import { quote } from './issue-messages.js';
import { isAlias, isMap, isNode, isScalar, isSeq, visit, type Document, type Pair } from 'yaml';

/** A source range as offsets into the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A problem before it gets a file name and a line:col. */
export interface Found {
  readonly span: Span;
  readonly message: string;
}

export type Path = readonly PropertyKey[];

const START: Span = { start: 0, end: 0 };

function spanOf(node: unknown): Span | null {
  if (!isNode(node) || !node.range) return null;
  return { start: node.range[0], end: node.range[1] };
}

/** An empty value (`listen:` with nothing after it) is best shown at its key. */
function valueSpan(value: unknown, key: unknown): Span | null {
  const empty = value == null || (isScalar(value) && value.value === null && value.source === '');
  return (empty ? spanOf(key) : spanOf(value)) ?? spanOf(key);
}

interface Walked {
  /** The node at the end of the path, or the deepest one that exists. */
  readonly node: unknown;
  readonly span: Span;
  readonly complete: boolean;
  /** The path went through an alias: positions stay at the alias, where this step uses it. */
  readonly viaAlias: boolean;
}

function deref(doc: Document, node: unknown): { node: unknown; alias: boolean } {
  return isAlias(node) ? { node: node.resolve(doc), alias: true } : { node, alias: false };
}

type Pairs = Map<string, Pair>;
const pairIndexes = new WeakMap<object, Pairs>();

function findPair(map: unknown, key: PropertyKey): Pair | undefined {
  if (!isMap(map)) return undefined;
  let pairs = pairIndexes.get(map);
  if (!pairs) {
    pairs = new Map();
    // With a duplicate key the last one wins, as in the parsed data.
    for (const pair of map.items) if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
    pairIndexes.set(map, pairs);
  }
  return pairs.get(String(key));
}

function walk(doc: Document, path: Path): Walked {
  let node: unknown = doc.contents;
  let span = spanOf(node) ?? START;
  let viaAlias = false;
  for (const seg of path) {
    const d = deref(doc, node);
    node = d.node;
    viaAlias ||= d.alias;
    let key: unknown = null;
    let value: unknown;
    if (isSeq(node) && typeof seg === 'number') {
      value = node.items[seg];
      if (value === undefined) return { node, span, complete: false, viaAlias };
    } else {
      const pair = findPair(node, seg);
      if (!pair) return { node, span, complete: false, viaAlias };
      key = pair.key;
      value = pair.value;
    }
    node = value;
    if (!viaAlias) span = valueSpan(value, key) ?? span;
  }
  return { node, span, complete: true, viaAlias };
}

/** Where the value at `path` is, or its nearest existing parent when it is missing. */
export function locate(doc: Document, path: Path): Span {
  return walk(doc, path).span;
}

/** Where the key `key` of the mapping at `path` is (for unknown keys). */
export function locateKey(doc: Document, path: Path, key: PropertyKey): Span {
  const w = walk(doc, path);
  if (!w.complete || w.viaAlias) return w.span;
  const d = deref(doc, w.node);
  if (d.alias) return w.span;
  return spanOf(findPair(d.node, key)?.key) ?? w.span;
}

/** Aliases whose anchor is not defined before them. */
export function unresolvedAliases(doc: Document): Found[] {
  // One pass in document order (Alias.resolve would walk the whole document for each alias).
  const found: Found[] = [];
  const anchors = new Set<string>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) found.push({ span: spanOf(node) ?? START, message: `unknown alias ${quote(`*${node.source}`)}` });
    } else if (isNode(node) && node.anchor) {
      anchors.add(node.anchor);
    }
  });
  return found;
}

export function firstAlias(doc: Document): Span {
  let span: Span | null = null;
  visit(doc, {
    Alias(_key, node) {
      span = spanOf(node);
      return visit.BREAK;
    },
  });
  return span ?? START;
}

const INDENT_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

function plainYamlMessage(code: string, message: string, text: string, at: number): string {
  const msg = message.charAt(0).toLowerCase() + message.slice(1);
  if (code === 'DUPLICATE_KEY') {
    const key = (/^[^:\n]*/.exec(text.slice(at))?.[0] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    return `duplicate key ${quote(key)}`;
  }
  if (code === 'TAB_AS_INDENT') return 'tab used for indentation; indent with spaces';
  if (code === 'MULTIPLE_DOCS') return 'only one YAML document per file (remove the "---" line)';
  if (INDENT_CODES.has(code) || /without - indicator/.test(message)) return `bad indentation: ${msg}`;
  return msg;
}

/**
 * YAML syntax errors and warnings, one per line. `cutoff` is the offset of the first error that
 * breaks the document's structure: what yaml made of the text after it cannot be trusted.
 */
export function yamlProblems(doc: Document, text: string, lineOf: (offset: number) => number): { found: Found[]; cutoff: number } {
  const found: Found[] = [];
  const lines = new Set<number>();
  let cutoff = Infinity;
  for (const error of [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])) {
    const start = error.pos[0];
    if (error.name === 'YAMLParseError' && error.code !== 'DUPLICATE_KEY') cutoff = Math.min(cutoff, start);
    const line = lineOf(start);
    if (lines.has(line)) continue;
    lines.add(line);
    const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    found.push({ span: { start, end: error.pos[1] }, message: plainYamlMessage(error.code, message, text, start) });
  }
  return { found, cutoff };
}

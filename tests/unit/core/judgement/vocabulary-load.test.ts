import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_VOCABULARY_SIZE, parseVocabulary } from '../../../../core/judgement/vocabulary-load.js';
import { MOVE_IDS, RED_FLAG_IDS } from '../../../../core/scenario/goals-schema.js';
import { formatProblem } from '../../../../core/scenario/load.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/judgement');

function check(name: string, itemExists?: (ref: string) => boolean) {
  const result = parseVocabulary(name, readFileSync(join(FIXTURES, name), 'utf8'), itemExists ? { itemExists } : {});
  return { ...result, lines: result.problems.map(formatProblem) };
}

describe('parseVocabulary', () => {
  it('returns every move and red flag of a good file, with no problems', () => {
    const { vocabulary, lines } = check('moves-good.yaml', () => true);
    expect(lines).toEqual([]);
    expect(vocabulary?.moves.map((m) => m.id)).toEqual([...MOVE_IDS]);
    expect(vocabulary?.redFlags.map((f) => f.id)).toEqual([...RED_FLAG_IDS]);
    expect(vocabulary?.moves[0]).toEqual({ id: 'acknowledge', title: 'Acknowledges', item: 'respect/acknowledges', tip: 'Name it.', examples: ['That sounds awful.'] });
  });

  it('reports every problem with file:line:col in one pass', () => {
    const { vocabulary, lines } = check('moves-bad.yaml', (ref) => ref !== 'respect/apologizes');
    expect(vocabulary).toBeNull();
    expect(lines).toEqual([
      'moves-bad.yaml:2:1: unknown key "notes"',
      'moves-bad.yaml:3:1: move "escalate-with-facts" is not defined',
      'moves-bad.yaml:4:121: example "That sounds AWFUL!" is listed twice in move "acknowledge"',
      'moves-bad.yaml:5:47: move "apologise" counts toward unknown checklist item "respect/apologizes"',
      'moves-bad.yaml:6:82: unknown key "hint" in move "own"',
      'moves-bad.yaml:11:11: duplicate move "own"',
      'moves-bad.yaml:12:1: red flag "refuse" is not defined',
      'moves-bad.yaml:15:100: example "Leave it with me!" is both a red flag "sarcasm" and a move "own"',
      'moves-bad.yaml:16:29: "title" in red flag "talk-down" must be text, not a number',
      'moves-bad.yaml:19:5: "synonyms[1]" needs at least 2 items',
    ]);
  });

  it('checks items only when the checklists are known', () => {
    expect(check('moves-bad.yaml').lines.filter((l) => l.includes('apologizes'))).toEqual([]);
  });

  it('reports YAML syntax errors, a file that is not a mapping, and a file that is too large', () => {
    expect(parseVocabulary('m.yaml', 'moves: [\n').problems.length).toBeGreaterThan(0);
    expect(parseVocabulary('m.yaml', '- a\n- b\n').problems.map(formatProblem)).toEqual(['m.yaml:1:1: the file must be a mapping with "moves" and "redFlags"']);
    expect(parseVocabulary('m.yaml', 'x'.repeat(MAX_VOCABULARY_SIZE + 1)).problems.map(formatProblem)).toEqual([
      `m.yaml:1:1: file is too large for the moves vocabulary (over ${MAX_VOCABULARY_SIZE / 1024} KB)`,
    ]);
  });
});

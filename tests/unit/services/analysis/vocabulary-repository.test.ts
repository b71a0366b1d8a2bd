import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MOVE_IDS, RED_FLAG_IDS } from '../../../../core/scenario/goals-schema.js';
import { loadChecklists } from '../../../../electron/services/analysis/checklist-repository.js';
import { loadVocabulary, vocabularyFile } from '../../../../electron/services/analysis/vocabulary-repository.js';

const SHIPPED = resolve(import.meta.dirname, '../../../../scenarios');
const temp = mkdtempSync(join(tmpdir(), 'tryout-vocabulary-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the shipped moves vocabulary (scenarios/judgement/moves.yaml)', () => {
  const { checklists } = loadChecklists(SHIPPED);
  const items = new Set(checklists.flatMap((c) => c.items.map((i) => `${c.id}/${i.id}`)));
  const { vocabulary, problems } = loadVocabulary(SHIPPED, { itemExists: (ref) => items.has(ref) });

  it('loads with no problems, every move and red flag counting toward a shipped checklist item', () => {
    expect(problems).toEqual([]);
    expect(vocabulary?.moves.map((m) => m.id)).toEqual([...MOVE_IDS]);
    expect(vocabulary?.redFlags.map((f) => f.id)).toEqual([...RED_FLAG_IDS]);
  });

  it('gives each move and red flag 30 to 60 wordings', () => {
    for (const entry of [...(vocabulary?.moves ?? []), ...(vocabulary?.redFlags ?? [])]) {
      expect(entry.examples.length, entry.id).toBeGreaterThanOrEqual(30);
      expect(entry.examples.length, entry.id).toBeLessThanOrEqual(60);
    }
  });

  it('counts every red flag toward respect/no-red-flags', () => {
    expect(new Set(vocabulary?.redFlags.map((f) => f.item))).toEqual(new Set(['respect/no-red-flags']));
  });
});

describe('loadVocabulary', () => {
  it('reports a missing file at its path', () => {
    const result = loadVocabulary(temp);
    expect(result.vocabulary).toBeNull();
    expect(result.problems).toEqual([{ file: vocabularyFile(temp), line: 1, col: 1, message: 'cannot read the file (ENOENT)' }]);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../../core/analysis/checklist-load.js';
import { CHECKLIST_IDS } from '../../../../core/scenario/schema.js';
import { formatProblem } from '../../../../core/scenario/load.js';

const DIR = join('scenarios', 'checklists');

describe('checklist files', () => {
  it('ships a valid checklist for every checklist id, each with coach-only items saying why', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual([...CHECKLIST_IDS].sort().map((id) => `${id}.yaml`));
    for (const file of files) {
      const parsed = parseChecklist(join(DIR, file), readFileSync(join(DIR, file), 'utf8'));
      expect(parsed.problems.map(formatProblem), file).toEqual([]);
      const coachOnly = parsed.checklist?.items.filter((i) => i.kind === 'coach-only') ?? [];
      expect(coachOnly.length, file).toBeGreaterThan(0);
      for (const item of coachOnly) expect(item.kind === 'coach-only' && item.note.length > 10).toBe(true);
    }
  });

  it('reports every problem with file:line:col in one pass', () => {
    const text = [
      'id: respect',
      'title: Respect',
      'items:',
      '  - id: no-blame',
      '    title: No blame',
      '    kind: auto',
      '    rule:',
      '      phrasesAbsent:',
      '        phrases: []',
      '        loudly: true',
      '  - id: warmth',
      '    title: Warmth',
      '    kind: coach-only',
      '  - id: no-blame',
      '    title: Again',
      '    kind: sometimes',
      '  - id: pace',
      '    title: Pace',
      '    kind: auto',
      '    rule: { maxPace: { wordsPerMinute: fast } }',
    ].join('\n');
    expect(parseChecklist('checklists/respect.yaml', text).problems.map(formatProblem)).toEqual([
      'checklists/respect.yaml:9:18: "rule.phrasesAbsent.phrases" in item "no-blame" needs at least 1 item',
      'checklists/respect.yaml:10:9: unknown key "loudly" under "rule.phrasesAbsent" in item "no-blame"',
      'checklists/respect.yaml:11:5: missing "note" in item "warmth"',
      'checklists/respect.yaml:14:9: duplicate item id "no-blame"',
      'checklists/respect.yaml:16:11: "kind" in item "no-blame" must be "auto" or "coach-only"',
      'checklists/respect.yaml:20:40: "rule.maxPace.wordsPerMinute" in item "pace" must be a number, not text',
    ]);
  });

  it('refuses a wrong id, an unknown rule, a YAML error and an empty list', () => {
    const wrongId = parseChecklist('x/patience.yaml', 'id: respect\ntitle: R\nitems:\n  - {id: a, title: A, kind: auto, rule: {shout: {}}}\n');
    expect(wrongId.checklist).toBeNull();
    expect(wrongId.problems.map((p) => p.message)).toEqual([
      'checklist id "respect" does not match the file name (expected "patience")',
      expect.stringContaining('"rule" in item "a" must have exactly one of'),
    ]);
    const broken = parseChecklist('respect.yaml', 'id: respect\ntitle: [\n');
    expect(broken.checklist).toBeNull();
    expect(broken.problems[0]?.message).toMatch(/flow sequence|\]/);
    expect(parseChecklist('respect.yaml', 'id: respect\ntitle: R\nitems: []\n').problems.map((p) => p.message)).toEqual(['a checklist needs at least one item']);
  });
});

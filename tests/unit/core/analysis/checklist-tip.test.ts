import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../../core/analysis/checklist-load.js';
import { ChecklistItemSchema } from '../../../../core/analysis/checklist-schema.js';
import { formatProblem } from '../../../../core/scenario/load.js';

const DIR = join('scenarios', 'checklists');
const item = { id: 'no-talk-over', title: 'Never talks over the customer', kind: 'auto', rule: { noTalkOver: {} } };

function tipProblems(tip: unknown): string[] {
  const parsed = ChecklistItemSchema.safeParse({ ...item, tip });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('a checklist item tip', () => {
  it('is optional, and kept (trimmed) when given', () => {
    expect(ChecklistItemSchema.parse(item)).not.toHaveProperty('tip');
    expect(ChecklistItemSchema.parse({ ...item, tip: '  Let the customer finish.  ' })).toMatchObject({ tip: 'Let the customer finish.' });
    expect(ChecklistItemSchema.parse({ id: 'warmth', title: 'Warmth', kind: 'coach-only', note: 'For a person to judge.', tip: 'Smile as you speak.' })).toMatchObject({ tip: 'Smile as you speak.' });
  });

  it('must be one non-empty line of at most 200 characters', () => {
    expect(tipProblems('')).toEqual(['tip: a tip cannot be empty']);
    expect(tipProblems('   ')).toEqual(['tip: a tip cannot be empty']);
    expect(tipProblems('Let them finish.\nThen answer.')).toEqual(['tip: a tip is one line (no line breaks)']);
    expect(tipProblems('x'.repeat(201))).toEqual(['tip: a tip is one short line (at most 200 characters)']);
    expect(tipProblems(42)).toHaveLength(1);
  });

  it('is reported with file:line:col in a checklist file', () => {
    const text = ['id: respect', 'title: Respect', 'items:', '  - id: warmth', '    title: Warmth', '    kind: coach-only', '    note: For a person.', '    tip: ""'].join('\n');
    expect(parseChecklist('checklists/respect.yaml', text).problems.map(formatProblem)).toEqual(['checklists/respect.yaml:8:10: a tip cannot be empty (item "warmth")']);
  });

  it('is written for every item of every shipped checklist', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { checklist, problems } = parseChecklist(join(DIR, file), readFileSync(join(DIR, file), 'utf8'));
      expect(problems.map(formatProblem), file).toEqual([]);
      for (const i of checklist?.items ?? []) expect(i.tip?.length ?? 0, `${file} ${i.id}`).toBeGreaterThan(20);
    }
  });
});

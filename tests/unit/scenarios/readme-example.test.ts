import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/load.js';
import { BranchRuleSchema, STEP_KINDS, stepKind } from '../../../core/scenario/schema.js';

const README = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The first YAML block of the README's "Scenario format" section. */
function example(): string {
  const section = README.split(/^## Scenario format$/m)[1] ?? '';
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no YAML example under "## Scenario format"');
  return block;
}

describe('the annotated example in the README', () => {
  const parsed = parseScenario('late-parcel.yaml', example());

  it('is a valid scenario', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenario?.queue).toBeDefined();
  });

  it('uses every step kind', () => {
    const kinds = new Set(parsed.scenario?.steps.map(stepKind));
    expect([...STEP_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('uses every branch rule', () => {
    const used = new Set(parsed.scenario?.steps.flatMap((s) => ('branch' in s ? s.branch.rules.flatMap((r) => Object.keys(r.when)) : [])));
    const all = BranchRuleSchema.options.flatMap((option) => Object.keys(option.shape));
    expect(all.filter((rule) => !used.has(rule))).toEqual([]);
  });
});

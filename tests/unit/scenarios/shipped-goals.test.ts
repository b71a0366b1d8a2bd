import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario, Step } from '../../../core/scenario/schema.js';
import { loadChecklists } from '../../../electron/services/analysis/checklist-repository.js';
import { listScenarioFiles, loadScenarioFile } from '../../../electron/services/scenarios/scenario-repository.js';

const DIR = resolve(import.meta.dirname, '../../../scenarios');
const { checklists } = loadChecklists(DIR);
const items = new Set(checklists.flatMap((c) => c.items.map((i) => `${c.id}/${i.id}`)));
const files = listScenarioFiles(DIR);

function load(file: string): Scenario {
  const { scenario, problems } = loadScenarioFile(file, false, (ref) => items.has(ref));
  expect(problems).toEqual([]);
  if (!scenario) throw new Error(`${file} did not load`);
  return scenario;
}

type ListeningStep = Extract<Step, { goals?: unknown }>;
const isListening = (s: Step): s is ListeningStep => 'listen' in s || 'type' in s || 'repeat' in s;

describe.each(files.map((f) => [f.split('/').pop() ?? f, f]))('the goals of %s', (_name, file) => {
  it('loads, with every because naming a shipped checklist item', () => {
    load(file);
  });

  it('sets goals and a model answer on every listening step, with 3 to 8 wordings per expected move', () => {
    for (const step of load(file).steps.filter(isListening)) {
      const goals = step.goals;
      expect(goals, step.id).toBeDefined();
      expect((goals?.expect.length ?? 0) + (goals?.facts.length ?? 0), `${step.id} expects something`).toBeGreaterThan(0);
      expect(goals?.modelAnswer?.length ?? 0, `${step.id} model answer`).toBeGreaterThan(10);
      for (const move of goals?.expect ?? []) {
        expect(move.examples.length, `${step.id} ${move.move}`).toBeGreaterThanOrEqual(3);
        expect(move.examples.length, `${step.id} ${move.move}`).toBeLessThanOrEqual(8);
      }
    }
  });

  it('expects a full repeat on every repeat step', () => {
    for (const step of load(file).steps) {
      if ('repeat' in step) expect(step.goals?.expect.map((e) => e.move), step.id).toContain('full-repeat');
    }
  });

  it('says how the call ended on every customer line that ends it', () => {
    const { steps } = load(file);
    steps.forEach((step, i) => {
      if (!('say' in step)) return;
      const ends = step.next === 'end' || (i === steps.length - 1 && step.next === undefined);
      if (ends) expect(step.outcome, step.id).toBeDefined();
    });
  });
});


import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/load.js';
import { corpusSessions, loadCorpus, parseCorpus, type CorpusEntry } from '../../support/corpus.js';
import { shippedChecklists } from '../core/analysis/session-fixtures.js';

const entries = loadCorpus();
const spoken = entries.filter((e) => e.voice !== 'typed');

function scenarioStep(scenarioId: string, stepId: string) {
  const file = join('scenarios', `${scenarioId}.yaml`);
  return parseScenario(file, readFileSync(file, 'utf8')).scenario?.steps.find((s) => s.id === stepId);
}

const isRepeat = (e: CorpusEntry) => {
  const step = scenarioStep(e.scenario, e.step);
  return step !== undefined && 'repeat' in step;
};

describe('the labelled accuracy corpus (tests/fixtures/corpus/answers.yaml)', () => {
  it('has at least 40 answers, typed and spoken in both festival voices', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(spoken.filter((e) => e.voice === 'us-slt').length).toBeGreaterThanOrEqual(10);
    expect(spoken.filter((e) => e.voice === 'kal').length).toBeGreaterThanOrEqual(10);
    expect(entries.filter((e) => e.voice === 'typed').length).toBeGreaterThanOrEqual(10);
  });

  it('has respectful and disrespectful, patient and impatient answers', () => {
    for (const key of ['respectful', 'patient'] as const) {
      expect(entries.filter((e) => e[key]).length, key).toBeGreaterThanOrEqual(10);
      expect(entries.filter((e) => !e[key]).length, `not ${key}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('labels only items of the shipped checklists, at steps the scenarios have', () => {
    const items = new Set(shippedChecklists().flatMap((c) => c.items.map((i) => `${c.id}/${i.id}`)));
    for (const e of entries) {
      for (const label of [...e.fail, ...e.pass]) expect(items, `${e.id}: ${label}`).toContain(label);
      const step = scenarioStep(e.scenario, e.step);
      expect(step, `${e.id}: ${e.scenario}/${e.step}`).toBeDefined();
      const kind = step && ('type' in step ? 'typed' : 'listen' in step || 'repeat' in step ? 'spoken' : 'other');
      expect(kind, e.id).toBe(e.voice === 'typed' ? 'typed' : 'spoken');
    }
  });

  it('tags answers consistently with their labels', () => {
    for (const e of entries) {
      const respectFails = e.fail.filter((f) => f.startsWith('respect/') || f === 'writing/apology' || f === 'writing/no-blame');
      if (respectFails.length > 0) expect(e.respectful, e.id).toBe(false);
      if (e.fail.some((f) => f.startsWith('patience/'))) expect(e.patient, e.id).toBe(false);
      if (!e.respectful || !e.patient) expect(e.fail.length, e.id).toBeGreaterThan(0);
    }
  });

  it('has repeat series that get shorter, louder and curter after a full, calm first answer', () => {
    const curt = corpusSessions(entries).filter((s) => {
      const [first, ...repeats] = s.entries;
      if (!first || repeats.length < 2 || isRepeat(first) || !repeats.every(isRepeat)) return false;
      return repeats.every((r) => r.text.length < first.text.length && r.gainDb > first.gainDb && r.fail.includes('patience/repeats-consistent'));
    });
    expect(curt.map((s) => s.entries[0]?.voice).sort()).toEqual(expect.arrayContaining(['kal', 'us-slt']));
    expect(curt.flatMap((s) => s.entries).some((e) => /as i already said/i.test(e.text))).toBe(true);
    const calm = corpusSessions(entries).filter((s) => s.entries.length >= 4 && s.entries.slice(1).every((e) => isRepeat(e) && e.pass.includes('patience/repeats-consistent')));
    expect(calm.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps each call in one scenario with one answer per step', () => {
    for (const s of corpusSessions(entries)) {
      expect(new Set(s.entries.map((e) => e.scenario)).size, s.id).toBe(1);
      expect(new Set(s.entries.map((e) => e.step)).size, s.id).toBe(s.entries.length);
    }
  });

  it('rejects a malformed corpus with a clear error', () => {
    expect(() => parseCorpus('entries:\n  - id: x\n    session: x\n    scenario: nowhere\n    step: a\n    voice: us-slt\n    text: hi\n    respectful: true\n    patient: true\n    pass: [respect/no-talk-over]\n')).toThrow(/scenario/);
    expect(() => parseCorpus('entries:\n  - id: x\n    session: x\n    scenario: long-hold\n    step: a\n    voice: kal\n    text: hi\n    respectful: true\n    patient: true\n    pass: [no-talk-over]\n')).toThrow(/checklist\/item/);
  });
});

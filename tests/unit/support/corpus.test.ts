import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/load.js';
import type { Scenario, Step } from '../../../core/scenario/schema.js';
import { CORPUS_FILES, CORPUS_SCENARIOS, corpusSessions, loadCorpus, loadCorpusFile, parseCorpus, type CorpusEntry } from '../../support/corpus.js';

const tune = loadCorpusFile(CORPUS_FILES.tune, 'tune');
const hasHeldOut = existsSync(CORPUS_FILES['held-out']);
const all = loadCorpus();

function loadScenario(id: string): Scenario {
  const file = join('scenarios', `${id}.yaml`);
  const parsed = parseScenario(file, readFileSync(file, 'utf8'));
  if (!parsed.scenario) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.scenario;
}
const scenarios = new Map(CORPUS_SCENARIOS.map((id) => [id, loadScenario(id)]));
const stepOf = (e: CorpusEntry): Step | undefined => scenarios.get(e.scenario)?.steps.find((s) => s.id === e.step);

const scratch = mkdtempSync(join(tmpdir(), 'tryout-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const entryYaml = (id: string, session: string, extra = '') =>
  `  - id: ${id}\n    session: ${session}\n    scenario: long-hold\n    step: answer-wait\n    voice: kal\n    text: Sorry for the wait.\n    respectful: true\n    patient: true\n    pass: [respect/apologises]\n${extra}`;
function filesWith(tuneYaml: string, heldOutYaml: string) {
  const dir = mkdtempSync(join(scratch, 'files-'));
  // outside.yaml is left out: a measured-only file that is not there is skipped.
  const files = { tune: join(dir, 'answers.yaml'), 'held-out': join(dir, 'held-out.yaml'), outside: join(dir, 'outside.yaml') };
  writeFileSync(files.tune, `entries:\n${tuneYaml}`);
  writeFileSync(files['held-out'], `entries:\n${heldOutYaml}`);
  return files;
}

describe('the labelled judgement corpus (tests/fixtures/corpus)', () => {
  it('parses both files, held-out only when it is there, with each entry in its file\'s split', () => {
    expect(tune.every((e) => e.split === 'tune')).toBe(true);
    expect(all.filter((e) => e.split === 'tune')).toHaveLength(tune.length);
    if (hasHeldOut) expect(all.filter((e) => e.split === 'held-out').length).toBeGreaterThan(0);
    else console.log(`${CORPUS_FILES['held-out']} is not there yet: only the tune part is checked`);
  });

  it('has at least 140 tune answers across all nine scenarios, typed, silent and in both festival voices', () => {
    expect(tune.length).toBeGreaterThanOrEqual(140);
    expect(new Set(tune.map((e) => e.scenario))).toEqual(new Set(CORPUS_SCENARIOS));
    const spoken = tune.filter((e) => e.voice !== 'typed' && e.text !== '');
    expect(spoken.filter((e) => e.voice === 'us-slt').length).toBeGreaterThanOrEqual(40);
    expect(spoken.filter((e) => e.voice === 'kal').length).toBeGreaterThanOrEqual(40);
    expect(tune.filter((e) => e.voice === 'typed').length).toBeGreaterThanOrEqual(15);
    expect(tune.filter((e) => e.voice !== 'typed' && e.text === '').length).toBeGreaterThanOrEqual(5);
  });

  it('is about half respectful and patient, half not', () => {
    const good = tune.filter((e) => e.respectful && e.patient).length;
    expect(good / tune.length).toBeGreaterThan(0.35);
    expect(good / tune.length).toBeLessThan(0.65);
  });

  it('has unique ids across both files, and no call spread over both', () => {
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    for (const s of corpusSessions(all)) expect(new Set(s.entries.map((e) => e.split)).size, s.id).toBe(1);
  });

  it('answers only steps its scenarios have: spoken at listen and repeat steps, typed at type steps, long enough to submit', () => {
    for (const e of all) {
      const step = stepOf(e);
      expect(step, `${e.id}: ${e.scenario}/${e.step}`).toBeDefined();
      if (!step) continue;
      if ('type' in step) {
        expect(e.voice, e.id).toBe('typed');
        expect(e.text.trim().length, `${e.id}: the app accepts no fewer than ${step.type.minChars} characters`).toBeGreaterThanOrEqual(step.type.minChars);
      } else {
        expect('listen' in step || 'repeat' in step, `${e.id}: ${e.step} is not a listening step`).toBe(true);
        expect(e.voice, e.id).not.toBe('typed');
      }
    }
  });

  it('keeps each call in one scenario', () => {
    for (const s of corpusSessions(all)) expect(new Set(s.entries.map((e) => e.scenario)).size, s.id).toBe(1);
  });

  it('tags answers consistently with their labels', () => {
    for (const e of tune) {
      if (e.fail.some((f) => f.startsWith('respect/'))) expect(e.respectful, e.id).toBe(false);
      if (e.fail.some((f) => f.startsWith('patience/'))) expect(e.patient, e.id).toBe(false);
    }
  });

  it('has repeat series that get shorter and curter after a full, calm first answer, and calm ones', () => {
    const isRepeat = (e: CorpusEntry) => stepOf(e) !== undefined && 'repeat' in (stepOf(e) ?? {});
    const series = corpusSessions(tune).filter((s) => s.entries.length >= 4 && !isRepeat(s.entries[0] as CorpusEntry) && s.entries.slice(1).every(isRepeat));
    const curt = series.filter((s) => s.entries.slice(1).every((r) => r.text.length < (s.entries[0]?.text.length ?? 0) && r.fail.includes('patience/repeats-in-full')));
    expect(curt.map((s) => s.entries[0]?.voice).sort()).toEqual(expect.arrayContaining(['kal', 'us-slt']));
    expect(curt.flatMap((s) => s.entries).some((e) => /as i already said/i.test(e.text))).toBe(true);
    expect(series.filter((s) => s.entries.slice(1).every((e) => e.pass.includes('patience/repeats-in-full'))).length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a malformed entry with a clear error', () => {
    const one = (fields: string) => `entries:\n  - id: x\n    session: x\n${fields}    respectful: true\n    patient: true\n`;
    expect(() => parseCorpus(one('    scenario: nowhere\n    step: a\n    voice: us-slt\n    text: hi\n    pass: [respect/no-talk-over]\n'))).toThrow(/scenario/);
    expect(() => parseCorpus(one('    scenario: long-hold\n    step: a\n    voice: kal\n    text: hi\n    pass: [respect/no-dismissive-phrases]\n'))).toThrow(/unknown label .*respect\/no-dismissive-phrases/);
    expect(() => parseCorpus(one('    scenario: long-hold\n    step: a\n    voice: typed\n    text: ""\n    pass: [writing/spelling]\n'))).toThrow(/typed answer has text/);
    expect(() => parseCorpus(one('    scenario: long-hold\n    step: a\n    voice: kal\n    text: hi\n    split: held-out\n    pass: [respect/uses-name]\n'), 'tune')).toThrow(/marked as another split/);
    const bad = `entries:\n  - id: x\n    session: x\n    scenario: long-hold\n    step: a\n    voice: kal\n    text: Whatever.\n    respectful: false\n    patient: true\n    pass: [respect/uses-name]\n`;
    expect(() => parseCorpus(bad)).toThrow(/names the items it fails/);
  });

  it('refuses files that do not fit together: an id or a call in both', () => {
    expect(loadCorpus(filesWith(entryYaml('a', 's1'), entryYaml('b', 's2'))).map((e) => `${e.id}:${e.split}`)).toEqual(['a:tune', 'b:held-out']);
    expect(() => loadCorpus(filesWith(entryYaml('a', 's1'), entryYaml('a', 's2')))).toThrow(/entry id a is used twice/);
    expect(() => loadCorpus(filesWith(entryYaml('a', 's1'), entryYaml('b', 's1')))).toThrow(/session s1 is in both files/);
  });
});

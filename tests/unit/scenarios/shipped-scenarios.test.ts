import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipFor, type Scenario, type Step } from '../../../core/scenario/schema.js';
import { parseWavHeader } from '../../../electron/services/session/wav.js';
import { listScenarioFiles, loadScenarioFile } from '../../../electron/services/scenarios/scenario-repository.js';
import { captionHash, readClipHashes } from '../../../scripts/render-clips.js';

const DIR = resolve(import.meta.dirname, '../../../scenarios');
const SHIPPED = [
  'angry-caller', 'friday-escalation', 'long-hold', 'memory-check', 'not-listening',
  'obvious-question', 'queue-pressure', 'teach-me', 'written-reply',
];

function load(id: string): Scenario {
  const { scenario, problems } = loadScenarioFile(join(DIR, `${id}.yaml`));
  expect(problems).toEqual([]);
  if (!scenario) throw new Error(`${id} did not load`);
  return scenario;
}

/** Where a step can go next: its `next`, its branch targets, or the following step. */
function targets(step: Step, following: string | undefined): string[] {
  if ('branch' in step) return [...step.branch.rules.map((r) => r.goto), step.branch.otherwise];
  const next = step.next ?? following;
  return next === undefined ? [] : [next];
}

describe('the shipped scenarios', () => {
  it('are the nine, one file each', () => {
    expect(listScenarioFiles(DIR).map((f) => f.split('/').pop())).toEqual(SHIPPED.map((id) => `${id}.yaml`));
  });

  describe.each(SHIPPED)('%s', (id) => {
    it('loads with no problems, names its checklists and has a brief', () => {
      const scenario = load(id);
      expect(scenario.id).toBe(id);
      expect(scenario.checklists.length).toBeGreaterThan(0);
      expect(new Set(scenario.checklists).size).toBe(scenario.checklists.length);
      expect(scenario.brief.length).toBeGreaterThan(150);
    });

    it('has every clip: 16 kHz mono 16-bit, rendered from the caption as it is now', () => {
      const scenario = load(id);
      const audioDir = join(DIR, 'audio', id);
      const hashes = readClipHashes(audioDir);
      for (const step of scenario.steps) {
        if (!('say' in step) && !('repeat' in step)) continue;
        const clip = clipFor(step);
        const header = parseWavHeader(readFileSync(join(audioDir, clip)));
        expect({ clip, rate: header.sampleRate, channels: header.channels }).toEqual({ clip, rate: 16_000, channels: 1 });
        expect(header.dataBytes / 2 / 16_000, `${clip} length in seconds`).toBeGreaterThan(0.5);
        const caption = 'say' in step ? step.say : step.repeat.say;
        expect(hashes.get(clip), `${clip} is stale: run npm run clips:render ${id}`).toBe(captionHash(scenario.customer.voice, caption));
      }
    });

    it('can reach every step from the first, and every path ends the call', () => {
      const { steps } = load(id);
      const index = new Map(steps.map((s, i) => [s.id, i]));
      const seen = new Set<string>();
      const queue = [steps[0]?.id ?? ''];
      let ends = false;
      for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
        if (at === 'end') ends = true;
        if (at === 'end' || seen.has(at)) continue;
        seen.add(at);
        const i = index.get(at) ?? -1;
        const step = steps[i];
        if (!step) continue;
        const next = targets(step, steps[i + 1]?.id);
        if (next.length === 0) ends = true; // the last step, with no next: the call ends
        queue.push(...next);
      }
      expect(steps.map((s) => s.id).filter((s) => !seen.has(s))).toEqual([]);
      expect(ends).toBe(true);
    });
  });

  it('shows the on-call escalation policy in the Friday brief', () => {
    const brief = load('friday-escalation').brief;
    expect(brief).toContain('On-call escalation policy');
    expect(brief).toMatch(/page the on-call engineer/);
  });

  it('plays app-made typing noise on every listening step of not-listening', () => {
    const listening = load('not-listening').steps.flatMap((s) => ('listen' in s ? [s.listen.typingNoise] : 'repeat' in s ? [s.repeat.typingNoise] : []));
    expect(listening).toEqual([true, true, true, true]);
  });

  it('puts a climbing queue counter on queue-pressure', () => {
    expect(load('queue-pressure').queue).toMatchObject({ start: 3, risesEverySeconds: 4 });
  });
});

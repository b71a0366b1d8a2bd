import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, heard, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt: "busy" and "people waiting" are heard; the patient answer
// has none of the hurrying words and lasts over 3 s, the brief one under 3 s.
const PATIENT = 'Of course. Can you see a text message on your phone? The bank sends the code to you by text.';
const RUSHED = 'Check your texts, please. We are very busy, and we have people waiting.';
const BRIEF = 'Check your text messages.';

describe('queue-pressure: patience while the queue counter climbs', () => {
  let patient: RehearsalResult;
  let rushed: RehearsalResult;
  let brief: RehearsalResult;
  beforeAll(async () => {
    patient = await rehearseWith('queue-pressure', [PATIENT]);
    rushed = await rehearseWith('queue-pressure', [RUSHED]);
    brief = await rehearseWith('queue-pressure', [BRIEF, PATIENT]);
  }, 300_000);

  it('finds the code when Walter is given time', () => {
    expect(branches(patient), heard(patient)).toEqual(['read-pace -> found-it (otherwise)']);
    expect(stepPath(patient)).toEqual(['intro', 'explain', 'read-pace', 'found-it']);
  });

  it('gives up when the queue is mentioned', () => {
    expect(branches(rushed), heard(rushed)).toEqual(['read-pace -> rushed (rule 0)']);
  });

  it('asks again after an answer too quick to follow', () => {
    expect(branches(brief), heard(brief)).toEqual(['read-pace -> lost (rule 1)']);
    expect(stepPath(brief)).toEqual(['intro', 'explain', 'read-pace', 'lost', 'explain-again', 'found-it']);
  });

  it('shows a queue counter that climbs from 3 during the call', () => {
    const counts = patient.detail.events.flatMap((e) => (e.type === 'queue-changed' ? [e.count] : []));
    expect(counts[0]).toBe(3);
    expect(counts.length).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('reaches every step between the three variants', () => {
    expect(stepsNotReached('queue-pressure', [patient, rushed, brief])).toEqual([]);
  });
});

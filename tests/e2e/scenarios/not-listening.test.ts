import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  { text: 'Of course. I enjoy helping people, and I like solving their problems calmly.', voice: 'kal' as const },
  'No problem at all. I said that I really enjoy helping people with their problems.',
  { text: 'Happy to repeat it. Helping people and solving problems is what I enjoy most.', voice: 'kal' as const },
];

describe('not-listening: asked to repeat the answer three times', () => {
  let run: RehearsalResult;
  beforeAll(async () => {
    run = await rehearseWith('not-listening', ANSWERS);
  }, 200_000);

  it('asks for the answer again three times, then wraps up', () => {
    expect(stepPath(run)).toEqual(['ask-why', 'answer', 'again-1', 'again-2', 'again-3', 'wrap-up']);
    expect(stepsNotReached('not-listening', [run])).toEqual([]);
    expect(run.summary.branches).toEqual([]);
  });

  it('records four spoken answers, each ended by the trainee falling silent', () => {
    const turns = run.summary.turns.filter((t) => t.kind === 'spoken');
    expect(turns.map((t) => t.stepId)).toEqual(['answer', 'again-1', 'again-2', 'again-3']);
    for (const t of turns) {
      expect(t.reason).toBe('silence');
      expect(t.durationSeconds).toBeGreaterThan(2);
    }
  });
});

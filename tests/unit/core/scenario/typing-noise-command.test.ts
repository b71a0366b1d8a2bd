import { describe, expect, it } from 'vitest';
import { createEngine, type EngineCommand, type EngineState } from '../../../../core/scenario/engine.js';
import type { Scenario } from '../../../../core/scenario/schema.js';

const SR = 16_000;
const scenario: Scenario = {
  id: 'typing', title: 'Typing', brief: 'A test.', customer: { name: 'Pat', voice: 'us-slt' }, checklists: [],
  stillThere: false, // timeouts here move straight on (still-there.test.ts covers the line)
  steps: [
    { id: 'plain', listen: { timeoutSeconds: 1, maxSeconds: 30, typingNoise: false } },
    { id: 'busy', listen: { timeoutSeconds: 1, maxSeconds: 30, typingNoise: true } },
    { id: 'again', repeat: { of: 'busy', say: 'What?', timeoutSeconds: 1, maxSeconds: 30, typingNoise: true } },
  ],
};

describe('the await-speech command', () => {
  it('says whether the customer types during the listen (listen and repeat steps)', () => {
    const engine = createEngine(scenario, SR);
    let state: EngineState = engine.initial;
    const commands: EngineCommand[] = [];
    for (const input of [
      { type: 'start', frame: 0 },
      { type: 'tick', frame: SR },
      { type: 'tick', frame: 2 * SR },
      { type: 'line-finished', frame: 3 * SR },
    ] as const) {
      const t = engine.transition(state, input);
      state = t.state;
      commands.push(...t.commands);
    }
    expect(commands.flatMap((c) => (c.type === 'await-speech' ? [[c.stepId, c.typingNoise]] : []))).toEqual([
      ['plain', false],
      ['busy', true],
      ['again', true],
    ]);
  });
});

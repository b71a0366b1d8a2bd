import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { speech } from '../../scripts/rehearse/speech.js';

const TYPED = 'Müller — order #A-1042: refund issued ✓ “sorry for the wait” 日本語 🙂';

describe('a typed answer', () => {
  let run: RehearsalResult;
  beforeAll(async () => {
    const answer = loadVoice(speech('I understand, and I am sorry for the long wait. May I place you on hold for a moment while I check?'));
    run = await rehearse({ scenarioId: 'long-hold', voices: [answer, answer, answer, answer, answer], typed: [TYPED] });
  });

  it('is in the session exactly as typed, Unicode included', () => {
    const typed = run.detail.events.find((e) => e.type === 'typed-submitted');
    expect(typed?.type === 'typed-submitted' && typed.text).toBe(TYPED);
    const lines = readFileSync(join(run.sessionDir, 'events.jsonl'), 'utf8').trim().split('\n');
    const onDisk = lines.map((l) => JSON.parse(l) as { type: string; text?: string }).find((e) => e.type === 'typed-submitted');
    expect(onDisk?.text).toBe(TYPED);
    expect(run.summary.turns.find((t) => t.kind === 'typed')?.text).toBe(TYPED);
  });

  it('went through a hold and took the branch the spoken answers lead to', () => {
    const kinds = run.summary.steps.map((s) => s.kind);
    expect(kinds).toContain('hold');
    expect(kinds).toContain('type');
    expect(run.summary.branches.length).toBeGreaterThanOrEqual(1);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseAnswer, cueSetFor, findCues } from '../../../../core/judgement/cues.js';
import { cueKey, nameKey, type JudgedAnswer } from '../../../../core/judgement/judged-answers.js';
import { checkFlagsInAudio, checkNameInAudio } from '../../../../electron/services/analysis/audio-check.js';
import { createSpotter } from '../../../../electron/services/speech/spotter.js';
import { shippedScenario, shippedVocabulary } from '../../../support/judgement-fixtures.js';
import { festivalAnswer, hasFestival, speechSpan } from '../speech/festival-answer.js';

/** A spoken answer as the judgement reads it, with the transcript's words spread over the speech. */
function judged(transcript: string, samples: Int16Array): JudgedAnswer {
  const span = speechSpan(samples);
  const words = transcript.split(' ');
  const step = (span.end - span.start) / words.length;
  const heard = words.map((word, i) => ({ word, startFrame: Math.round(span.start + i * step), endFrame: Math.round(span.start + (i + 1) * step), confidence: 0.9 }));
  const answer = analyseAnswer(heard);
  const scenario = shippedScenario('angry-caller');
  const target = scenario.steps.find((s) => s.id === 'first-answer');
  const goals = target && 'listen' in target ? target.goals : undefined;
  return {
    index: 0, stepId: 'first-answer', kind: 'spoken', goals, isRepeat: false, said: true, known: true, answer, contentWords: 5,
    cues: findCues(answer, cueSetFor(shippedVocabulary(), goals)), facts: [], nameHeard: null, partialWords: false, unsureBecause: null, startFrame: span.start, endFrame: span.end,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tryout-audio-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasFestival)('the phrase spotter as a second opinion on red flags', () => {
  const spotter = createSpotter();

  it('confirms a red flag that is really in the audio', async () => {
    const samples = festivalAnswer(dir, 'calm', 'Look, just calm down, it will be fine.');
    const answer = judged('look just calm down it will be fine', samples);
    const flag = answer.cues.find((c) => c.id === 'dismiss');
    if (!flag) throw new Error('the transcript judge found no dismissal');
    expect(flag.firm).toBe(true);
    const check = await checkFlagsInAudio(spotter, [answer], samples, 16_000);
    expect(check[cueKey(0, flag)]).toBe(true);
  }, 60_000);

  it('does not confirm words the transcript has but the audio does not', async () => {
    // The recogniser "heard" a dismissal in an answer that was polite.
    const samples = festivalAnswer(dir, 'polite', 'I can see both payments, and I am putting it right for you today.');
    const answer = judged('i can see both payments not my problem right for you today', samples);
    const flag = answer.cues.find((c) => c.id === 'dismiss');
    if (!flag) throw new Error('the transcript judge found no dismissal');
    expect(flag.firm).toBe(true);
    const check = await checkFlagsInAudio(spotter, [answer], samples, 16_000);
    expect(check[cueKey(0, flag)]).toBe(false);
  }, 60_000);

  it('hears the customer\'s name the transcript missed, and not where it was not said', async () => {
    const named = festivalAnswer(dir, 'named', 'Thank you for waiting, Dana. I have found your router.');
    const plain = festivalAnswer(dir, 'plain', 'Thank you for waiting. I have found your router.');
    const answers = [{ ...judged('thank you for waiting donna i have found your router', named), index: 0 }];
    expect(await checkNameInAudio(spotter, answers, named, 16_000, ['Dana', 'Whitfield'])).toEqual({ [nameKey(0)]: true });
    const without = [{ ...judged('thank you for waiting i have found your router', plain), index: 0 }];
    expect(await checkNameInAudio(spotter, without, plain, 16_000, ['Dana', 'Whitfield'])).toEqual({ [nameKey(0)]: false });
    // A transcript that has the name needs no second opinion.
    const heard = [{ ...judged('thank you for waiting dana i have found your router', named), index: 0 }];
    expect(await checkNameInAudio(spotter, heard, named, 16_000, ['Dana', 'Whitfield'])).toEqual({});
  }, 60_000);
});
if (!hasFestival) console.log('audio-check tests skipped: festival (text2wave) and sox are needed to make the speech');

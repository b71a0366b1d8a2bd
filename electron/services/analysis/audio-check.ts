import { cueKey, nameKey, type AudioCheck, type JudgedAnswer } from '../../../core/judgement/judged-answers.js';
import type { Spotter } from '../speech/spotter.js';

/**
 * The phrase spotter's second opinion on the transcript's red flags: each firm red flag's quoted
 * words are listened for in the audio around them. Words both hear make a firm finding; words
 * only the transcript has go to the coach (core/judgement/judged-answers.ts).
 */
const MARGIN_SECONDS = 0.4;
/** A spotted phrase at or above this confidence is "heard" (the spotter's bench: below 0.7 forced matches appear, above 0.5 half of them go). */
export const HEARD_CONFIDENCE = 0.5;
const SPOTTER_RATE = 16_000;

export async function checkFlagsInAudio(spotter: Spotter, answers: readonly JudgedAnswer[], trainee: Int16Array, sampleRate: number): Promise<AudioCheck> {
  const check: Record<string, boolean> = {};
  if (sampleRate !== SPOTTER_RATE) return check;
  const margin = Math.round(MARGIN_SECONDS * sampleRate);
  for (const a of answers) {
    if (a.kind !== 'spoken') continue;
    for (const cue of a.cues) {
      if (cue.kind !== 'flag' || !cue.firm || cue.quote.trim() === '') continue;
      const samples = trainee.slice(Math.max(0, cue.startFrame - margin), Math.min(trainee.length, cue.endFrame + margin));
      const spotting = await spotter.spot(samples, [{ text: cue.quote, tag: 'quote' }]);
      check[cueKey(a.index, cue)] = spotting.phrases.some((p) => p.tag === 'quote' && p.confidence >= HEARD_CONFIDENCE);
    }
  }
  return check;
}

/**
 * Recognisers often miss names: where the call asks for the customer's name and no transcript
 * has it, the spoken answers are searched for it in the audio until one has it (the names are
 * given as they would be said). Words outside the spotter's dictionary cannot be found.
 */
export async function checkNameInAudio(spotter: Spotter, answers: readonly JudgedAnswer[], trainee: Int16Array, sampleRate: number, names: readonly string[]): Promise<AudioCheck> {
  const check: Record<string, boolean> = {};
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  if (sampleRate !== SPOTTER_RATE || wanted.size === 0) return check;
  const spoken = answers.filter((a) => a.kind === 'spoken' && a.said);
  if (spoken.some((a) => a.answer.tokens.some((t) => wanted.has(t.word)))) return check;
  for (const a of spoken) {
    const samples = trainee.slice(a.startFrame, a.endFrame);
    const spotting = await spotter.spot(samples, names.map((text) => ({ text, tag: 'name' }))).catch(() => null);
    const heard = spotting?.phrases.some((p) => p.tag === 'name' && p.confidence >= HEARD_CONFIDENCE) ?? false;
    check[nameKey(a.index)] = heard;
    if (heard) break;
  }
  return check;
}

/** Both checks; a spotter failure leaves the judgement to the transcript alone. */
export async function checkInAudio(spotter: Spotter, answers: readonly JudgedAnswer[], audio: { readonly trainee: Int16Array; readonly sampleRate: number }, names: readonly string[]): Promise<AudioCheck> {
  const flags = await checkFlagsInAudio(spotter, answers, audio.trainee, audio.sampleRate).catch(() => ({}));
  const name = await checkNameInAudio(spotter, answers, audio.trainee, audio.sampleRate, names).catch(() => ({}));
  return { ...flags, ...name };
}

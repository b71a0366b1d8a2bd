import { execFileSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import type { SpotPhrase } from '../../core/speech/recognition.js';
import { readWav } from '../../electron/services/session/wav.js';
import { speech, type FestivalVoice } from '../../scripts/rehearse/speech.js';
import { speechPower } from './degradations.js';

/**
 * The phrase spotter's bench material: ten phrases like a listening step's expected moves, red
 * flags and facts (one with a product name the dictionary lacks), and 30 answers, 20 saying one
 * or two of them and 10 saying none (some close: "call billing" near "calm down").
 */
export const BENCH_PHRASES: readonly SpotPhrase[] = [
  { text: "I'm so sorry", tag: 'move:apologise' },
  { text: 'calm down', tag: 'flag:dismiss' },
  { text: 'let me check', tag: 'move:own-it' },
  { text: 'your third call', tag: 'move:acknowledge' },
  { text: 'full refund', tag: 'fact:refund' },
  { text: 'call you back tomorrow', tag: 'move:next-step' },
  { text: 'you must have paid it twice', tag: 'flag:blame' },
  { text: 'nothing I can do', tag: 'flag:refuse' },
  { text: 'confirmation email', tag: 'fact:email' },
  { text: 'Zentrova account', tag: 'fact:product' },
];

export const BENCH_ANSWERS: readonly string[] = [
  "I'm so sorry about that, let me check your account right away.",
  'Please calm down, it is only ninety pounds.',
  'I can see this is your third call, and that is not good enough.',
  'I will put through a full refund today.',
  'I will sort it out and call you back tomorrow morning.',
  'Well, you must have paid it twice by accident.',
  "I'm afraid there is nothing I can do from here.",
  'You will get a confirmation email within the hour.',
  'Your Zentrova account shows both payments.',
  "I'm so sorry, this is your third call about the same bill.",
  'Let me check the payments, and I will send a confirmation email.',
  'There is nothing I can do, so please calm down.',
  'You will have a full refund and I will call you back tomorrow.',
  'It looks like you must have paid it twice from your Zentrova account.',
  'I hear you. Let me check what went wrong.',
  'Thank you for waiting, and sorry for the delay.',
  'The money goes back as a full refund to your card.',
  'Okay, so let me check, and then I will call you back tomorrow.',
  "I'm so sorry. I have sent a confirmation email just now.",
  'Honestly, there is nothing I can do about the bank.',
  'Good morning, thanks for calling, how can I help?',
  'The weather has been lovely this week in the north.',
  'I understand completely, that must be very frustrating for you.',
  'You will have to call billing on Monday.',
  'Let me see what happened with the payment.',
  'I will call your bank and check the account.',
  'Could you read me the number on your card, please?',
  'We can look at this together, one step at a time.',
  'I have noted everything down for my manager.',
  'Thank you for your patience while I looked into it.',
];

/** clean; telephone band (300-3400 Hz at 8 kHz and back); white noise 15 dB below the speech. */
export const SPOTTER_DEGRADATIONS = ['clean', 'telephone', 'noise-15db'] as const;
export type SpotterDegradation = (typeof SPOTTER_DEGRADATIONS)[number];
export const SPOTTER_VOICES: readonly FestivalVoice[] = ['us-slt', 'kal'];
const SNR_DB = 15;

function soxOnce(out: string, args: (tmp: string) => string[]): string {
  if (!existsSync(out)) {
    const tmp = `${out}.tmp.wav`;
    execFileSync('sox', args(tmp));
    renameSync(tmp, out);
  }
  return out;
}

/** The answer as heard in `d` (festival speech and sox copies cached under .tmp/speech). */
export function benchAnswer(text: string, voice: FestivalVoice, d: SpotterDegradation): Int16Array {
  const clean = speech(text, voice);
  let file = clean;
  if (d === 'telephone') {
    const narrow = soxOnce(clean.replace(/\.wav$/, '-8k.wav'), (tmp) => [clean, '-r', '8000', tmp, 'sinc', '300-3400']);
    file = soxOnce(clean.replace(/\.wav$/, '-phone.wav'), (tmp) => [narrow, '-r', '16000', tmp]);
  } else if (d === 'noise-15db') {
    const samples = readWav(clean).samples[0] ?? new Int16Array(0);
    const power = speechPower([{ samples, gainDb: 0 }]) ?? 0;
    // sox's white noise is uniform in [-1, 1] (RMS 1/sqrt(3)); scale it to the speech RMS less 15 dB.
    const volume = (Math.sqrt(power) / 32768) * 10 ** (-SNR_DB / 20) * Math.sqrt(3);
    file = soxOnce(clean.replace(/\.wav$/, '-noise15.wav'), (tmp) => ['-R', '-m', '-v', '1', clean, '-v', '1', '|sox -R ' + clean + ` -p synth whitenoise vol ${volume.toFixed(6)}`, tmp]);
  }
  return readWav(file).samples[0] ?? new Int16Array(0);
}

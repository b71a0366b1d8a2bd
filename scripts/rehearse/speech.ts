import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type FestivalVoice = 'us-slt' | 'kal';
const VOICE_EVAL: Record<FestivalVoice, string> = { 'us-slt': '(voice_cmu_us_slt_arctic_hts)', kal: '(voice_kal_diphone)' };
const CACHE = resolve('.tmp/speech');

/**
 * Test speech: festival renders the text (pocketsphinx recognises it well), sox makes it
 * 16 kHz mono 16-bit. Cached by text and voice under .tmp/speech.
 */
export function speech(text: string, voice: FestivalVoice = 'us-slt'): string {
  const hash = createHash('sha256').update(`${voice}\n${text}`).digest('hex').slice(0, 16);
  const out = join(CACHE, `${voice}-${hash}.wav`);
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const raw = `${out}.raw.wav`;
  execFileSync('text2wave', ['-eval', VOICE_EVAL[voice], '-o', raw], { input: text });
  const tmp = `${out}.tmp.wav`;
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', tmp, 'gain', '-n', '-3']);
  renameSync(tmp, out);
  return out;
}

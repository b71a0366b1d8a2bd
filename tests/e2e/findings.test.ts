import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/analysis/findings.js';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech, type FestivalVoice } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';

/** Festival answers: the first calm one is spoken 8 dB quieter in the impatient set, so the curt repeats sound raised. */
const PATIENT = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'No problem at all. I really enjoy helping people and solving their problems.',
  'Happy to repeat it. Helping people and solving their problems is what I enjoy most.',
];
const IMPATIENT = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'As I already said, helping people.',
  'Like I said. People.',
  'Calm down, I already told you.',
];
/** One trainee, one voice (the customer, Graham, speaks with kal). */
const PATIENT_VOICES = ['us-slt', 'us-slt', 'us-slt', 'us-slt'] as const;
const IMPATIENT_VOICES = PATIENT_VOICES;

function voices(texts: readonly string[], names: readonly FestivalVoice[], firstGainDb: number): Float32Array[] {
  return texts.map((text, i) => {
    const v = loadVoice(speech(text, names[i] ?? 'us-slt'));
    const g = i === 0 ? 10 ** (firstGainDb / 20) : 1;
    return v.map((x) => x * g);
  });
}

function find(run: RehearsalResult, checklist: string, item: string): Finding {
  const f = run.summary.findings.find((x) => x.checklist === checklist && x.item === item);
  if (!f) throw new Error(`no finding ${checklist}/${item}`);
  return f;
}

describe('findings after rehearsing the not-listening interview', () => {
  let patient: RehearsalResult;
  let impatient: RehearsalResult;
  beforeAll(async () => {
    patient = await rehearse({ scenarioId: 'not-listening', voices: voices(PATIENT, PATIENT_VOICES, 0), typed: [] });
    impatient = await rehearse({ scenarioId: 'not-listening', voices: voices(IMPATIENT, IMPATIENT_VOICES, -8), typed: [] });
  }, 600_000);

  it('includes findings with checklist, item, status and evidence in the summary, transcribed by pocketsphinx', () => {
    for (const run of [patient, impatient]) {
      expect(run.summary.transcriber).toBe('pocketsphinx');
      expect(run.summary.findings.length).toBeGreaterThan(10);
      for (const f of run.summary.findings) {
        expect(f).toMatchObject({ checklist: expect.any(String), item: expect.any(String), status: expect.stringMatching(/^(pass|fail|needs-review|not-applicable)$/) });
        expect(Array.isArray(f.evidence)).toBe(true);
      }
    }
  });

  it('passes the patient answers on phrases, repeats, voice and talk-over', () => {
    for (const [checklist, item] of [['respect', 'no-red-flags'], ['respect', 'voice-steady'], ['respect', 'no-talk-over'], ['patience', 'repeats-in-full'], ['patience', 'answers-promptly']] as const) {
      const f = find(patient, checklist, item);
      expect(f.status, `${item}: ${f.summary}`).toBe('pass');
    }
  });

  it('fails the impatient answers with evidence: the phrases, curt repeats and a raised voice', () => {
    const phrases = find(impatient, 'respect', 'no-red-flags');
    expect(phrases.status).toBe('fail');
    // A red flag's evidence: the words heard as the quote, the kind of flag (and the wording it matched) as the note.
    const talkDown = phrases.evidence.find((e) => e.note?.startsWith('talking down') && e.quote?.includes('already said'));
    expect(talkDown?.stepId, JSON.stringify(phrases.evidence)).toBe('again-1');
    const calm = phrases.evidence.find((e) => e.note?.startsWith('dismissal') && e.quote?.includes('calm down'));
    expect(calm?.stepId, JSON.stringify(phrases.evidence)).toBe('again-3');
    expect(calm?.quote).toContain('calm down');
    const answer = impatient.drive.answers.find((a) => a.stepId === 'again-3');
    expect(calm?.startFrame).toBeGreaterThanOrEqual(answer?.startFrame ?? Infinity);
    expect(calm?.endFrame).toBeLessThanOrEqual((answer?.startFrame ?? 0) + (answer?.frames ?? 0));

    const repeats = find(impatient, 'patience', 'repeats-in-full');
    expect(repeats.status).toBe('fail');
    const shorter = repeats.evidence.filter((e) => e.note === 'shorter than the first answer');
    expect(shorter.map((e) => e.stepId)).toEqual(['again-1', 'again-2', 'again-3']);
    for (const e of shorter) expect(e.measured).toBeLessThan(e.threshold ?? 0);

    const voice = find(impatient, 'respect', 'voice-steady');
    expect(voice.status).toBe('fail');
    expect(voice.evidence.some((e) => e.unit === 'dB' && (e.measured ?? 0) > 6)).toBe(true);
  });

  it('shows the findings in the session view, and a time plays the recording from there', async () => {
    const shell = await startShellProcess({ dataDir: impatient.dataDir });
    const chromium = await launchChromium();
    try {
      const page = chromium.page;
      await page.goto(shell.url);
      await page.waitForSelector('body[data-app-state="ready"]');
      await page.click('[data-testid="nav-sessions"]');
      await page.click(`[data-testid="session-row-${impatient.summary.sessionId}"] button`);
      await page.waitForSelector('[data-testid="findings-panel"][data-state="done"]');
      expect(await page.textContent('[data-testid="transcriber-engine"]')).toContain('pocketsphinx');
      const row = page.locator('[data-testid="finding"][data-item="no-red-flags"]');
      expect(await row.getAttribute('data-status')).toBe('fail');
      expect(await row.textContent()).toContain('calm down');
      const flags = impatient.summary.findings.find((f) => f.item === 'no-red-flags');
      const calm = flags?.evidence.find((e) => e.note?.startsWith('dismissal') && e.quote?.includes('calm down'));
      const index = flags?.evidence.indexOf(calm ?? { startFrame: 0, endFrame: 0 }) ?? 0;
      await row.locator('[data-testid="evidence-time"]').nth(index).click();
      await page.waitForFunction(() => {
        const audio = document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]');
        return audio !== null && audio.currentTime > 0;
      });
      const seconds = await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]')?.currentTime ?? 0);
      expect(seconds).toBeGreaterThanOrEqual((calm?.startFrame ?? 0) / 16_000 - 0.01);
      expect(seconds).toBeLessThan((calm?.startFrame ?? 0) / 16_000 + 2);
    } finally {
      await chromium.close();
      await shell.stop();
    }
  });
});

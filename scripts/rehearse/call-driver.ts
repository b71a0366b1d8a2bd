import type { Page } from 'playwright-core';

export interface DriveOptions {
  readonly scenarioId: string;
  readonly candidate?: string;
  /** Mono 16 kHz answers, one per listen (or repeat) step, in order. */
  readonly voices: readonly Float32Array[];
  /** One typed answer per type step, in order. */
  readonly typed: readonly string[];
  /** How long after the app starts listening each answer begins. */
  readonly answerDelayMs?: number;
  readonly timeoutMs?: number;
  /** Called on every phase change; the kill test uses it to strike mid-call. */
  /** Return true to stop driving (e.g. after killing the back end). */
  readonly onPhase?: (phase: string, stepId: string) => Promise<boolean> | boolean;
}

export interface DriveResult {
  readonly sessionId: string;
  readonly finalPhase: string;
  readonly phases: readonly { phase: string; stepId: string }[];
  /** Where each spoken answer was scheduled to start, in file frames. */
  readonly answers: readonly { stepId: string; startFrame: number; frames: number }[];
  readonly typed: readonly { stepId: string; text: string }[];
  /** True when onPhase asked to stop driving before the call ended. */
  readonly interrupted: boolean;
}

const sel = (id: string) => `[data-testid="${id}"]`;

/** Takes a call in the real UI the way a trainee would: name, scenario, mic check, answers. */
export async function driveCall(page: Page, opts: DriveOptions): Promise<DriveResult> {
  await page.waitForSelector('body[data-app-state="ready"]', { timeout: 30_000 });
  await page.fill(sel('candidate-name'), opts.candidate ?? 'Rehearsal');
  await page.click(sel(`scenario-${opts.scenarioId}`));
  await page.click(sel('continue'));
  await page.click(`${sel('start-call')}:not([disabled])`);
  await page.waitForSelector(sel('call-screen'));

  const phases: { phase: string; stepId: string }[] = [];
  const answers: { stepId: string; startFrame: number; frames: number }[] = [];
  const typed: { stepId: string; text: string }[] = [];
  let voiceIndex = 0;
  let typedIndex = 0;
  let last = '';
  let sessionId = '';
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);

  for (;;) {
    if (Date.now() > deadline) throw new Error(`the call did not end in time (last phase ${last})`);
    const state = await page.$eval(sel('call-screen'), (el) => ({
      phase: el.getAttribute('data-call-phase') ?? '',
      stepId: el.getAttribute('data-step-id') ?? '',
      sessionId: el.getAttribute('data-session-id') ?? '',
    }));
    sessionId ||= state.sessionId;
    const key = `${state.phase}|${state.stepId}`;
    if (key !== last) {
      last = key;
      phases.push({ phase: state.phase, stepId: state.stepId });
      if ((await opts.onPhase?.(state.phase, state.stepId)) === true) {
        return { sessionId, finalPhase: state.phase, phases, answers, typed, interrupted: true };
      }
      if (state.phase === 'ended' || state.phase === 'failed') return { sessionId, finalPhase: state.phase, phases, answers, typed, interrupted: false };
      if (state.phase === 'listening') {
        const voice = opts.voices[voiceIndex++];
        if (voice) answers.push({ stepId: state.stepId, frames: voice.length, ...(await playAnswer(page, voice, opts.answerDelayMs ?? 400)) });
      }
      if (state.phase === 'typing') {
        const text = opts.typed[typedIndex++];
        // Fail at once, naming the step, rather than wait on a Send button that never enables.
        if (text === undefined) throw new Error(`step "${state.stepId}" asks for a typed answer, and --typed has no answer ${typedIndex} for it`);
        await page.focus(sel('typed-answer'));
        await page.keyboard.type(text);
        await page.click(`${sel('send-typed')}:not([disabled])`);
        typed.push({ stepId: state.stepId, text });
      }
    }
    await page.waitForTimeout(40);
  }
}

async function playAnswer(page: Page, voice: Float32Array, delayMs: number): Promise<{ startFrame: number }> {
  await page.waitForTimeout(delayMs);
  const b64 = Buffer.from(voice.buffer, voice.byteOffset, voice.byteLength).toString('base64');
  return page.evaluate((data) => {
    const mic = window.__tryoutVirtualMic;
    if (!mic) throw new Error('the page has no virtual microphone (window.__TRYOUT_TEST__ not set?)');
    return mic.play(data);
  }, b64);
}

declare global {
  interface Window {
    __tryoutVirtualMic?: { play(base64Float32: string): { startFrame: number } };
  }
}

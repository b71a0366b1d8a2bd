import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../core/api.js';
import type { SessionEvent } from '../../core/session/events.js';
import { readWav } from '../../electron/services/session/wav.js';
import { driveCall, type DriveOptions } from '../../scripts/rehearse/call-driver.js';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { callApi, startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { summarize, type RehearsalSummary } from '../../scripts/rehearse/summary.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';

const SCENARIO = 'branch-apology';
const scenariosDir = resolve('tests/fixtures/scenarios-branching');
// Sentences pocketsphinx gets word for word in festival's us-slt voice.
const APOLOGETIC = "I'm really sorry about that.";
const CURT = 'That is not my problem.';
const voice = (text: string) => loadVoice(speech(text, 'us-slt'));

/** The decisions of a call: (type, stepId, rule, to) of every event that has a step. */
const decisions = (events: readonly SessionEvent[]) =>
  events.flatMap((e) => ('stepId' in e ? [[e.type, e.stepId, 'rule' in e ? e.rule : null, 'to' in e ? e.to : null]] : []));

interface LiveRun {
  readonly detail: SessionDetail;
  readonly summary: RehearsalSummary;
  /** The call screen's "Call so far" list at the end of the call, and the session's timeline. */
  readonly callTranscript: string;
  readonly timeline: string;
  readonly phases: readonly string[];
}

/** One call in the real app, keeping the page to read the call screen and the session view after it. */
async function liveCall(drive: (page: Parameters<typeof driveCall>[0]) => DriveOptions): Promise<LiveRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-branching-'));
  const shell = await startShellProcess({ dataDir, scenariosDir });
  const chromium = await launchChromium({ virtualMic: true });
  try {
    const page = chromium.page;
    await page.goto(shell.url);
    const result = await driveCall(page, drive(page));
    expect(result.finalPhase).toBe('ended');
    const callTranscript = (await page.textContent('section.transcript')) ?? '';
    await page.click('[data-testid="open-sessions"]');
    await page.locator(`[data-testid="session-row-${result.sessionId}"]`).getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('[data-testid="session-detail"]');
    const timeline = (await page.textContent('[data-testid="session-detail"]')) ?? '';
    const detail = await callApi<SessionDetail>(shell, 'getSession', { sessionId: result.sessionId });
    return { detail, summary: summarize(detail), callTranscript, timeline, phases: result.phases.map((p) => `${p.phase}:${p.stepId}`) };
  } finally {
    await chromium.close();
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('branching on what the trainee said', () => {
  let apologetic: LiveRun;
  let again: RehearsalResult;
  let curt: RehearsalResult;
  beforeAll(async () => {
    apologetic = await liveCall(() => ({ scenarioId: SCENARIO, voices: [voice(APOLOGETIC)], typed: [] }));
    again = await rehearse({ scenarioId: SCENARIO, scenariosDir, voices: [voice(APOLOGETIC)], typed: [] });
    curt = await rehearse({ scenarioId: SCENARIO, scenariosDir, voices: [voice(CURT)], typed: [] });
  }, 170_000);
  afterAll(() => {
    for (const run of [again, curt]) if (run) rmSync(run.dataDir, { recursive: true, force: true });
  });

  it('an apology takes the calmer branch, with the transcript on the turn', () => {
    expect(apologetic.summary.branches).toEqual([
      { stepId: 'decide', rule: 0, to: 'calmer' },
      { stepId: 'manners', rule: null, to: 'end' },
    ]);
    const turn = apologetic.summary.turns[0];
    expect(turn?.transcript).toMatch(/\bsorry\b/);
    const transcribed = apologetic.detail.events.find((e) => e.type === 'turn-transcribed');
    expect(transcribed).toMatchObject({ stepId: 'answer', engine: 'pocketsphinx' });
    expect(apologetic.detail.events.some((e) => e.type === 'talked-over')).toBe(false);
  });

  it('waits calmly while it transcribes, then shows what was heard, live and in the session', () => {
    expect(apologetic.phases).toContain('transcribing:decide');
    expect(apologetic.phases.indexOf('transcribing:decide')).toBeLessThan(apologetic.phases.indexOf('speaking:calmer'));
    const heard = apologetic.summary.turns[0]?.transcript ?? '(none)';
    expect(apologetic.callTranscript).toContain(`“${heard}”`);
    expect(apologetic.timeline).toContain(`“${heard}”`);
  });

  it('a curt answer takes the other branch', () => {
    expect(curt.summary.branches).toEqual([
      { stepId: 'decide', rule: null, to: 'angrier' },
      { stepId: 'manners', rule: null, to: 'end' },
    ]);
    expect(curt.summary.turns[0]?.transcript).toMatch(/\bproblem\b/);
    expect(curt.summary.steps.map((s) => s.id)).toEqual(['complain', 'answer', 'decide', 'angrier', 'manners']);
  });

  it('the same answer twice gives the same sequence of decisions', () => {
    expect(decisions(again.detail.events)).toEqual(decisions(apologetic.detail.events));
    expect(decisions(curt.detail.events)).not.toEqual(decisions(apologetic.detail.events));
  });
});

describe('talking over the customer', () => {
  let run: LiveRun;
  let answerStart = 0;
  beforeAll(async () => {
    const answer = voice(APOLOGETIC);
    const lineSeconds = (readWav(join(scenariosDir, 'audio', SCENARIO, 'complain.wav')).samples[0]?.length ?? 0) / 16_000;
    run = await liveCall((page) => ({
      scenarioId: SCENARIO,
      voices: [],
      typed: [],
      // The answer starts 0.6 s before the customer's first line ends and runs on past it.
      onPhase: async (phase, stepId) => {
        if (phase !== 'speaking' || stepId !== 'complain') return false;
        await page.waitForTimeout(Math.max(0, lineSeconds * 1000 - 650));
        const b64 = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength).toString('base64');
        answerStart = (await page.evaluate((data) => window.__tryoutVirtualMic?.play(data).startFrame ?? -1, b64)) ?? -1;
        return false;
      },
    }));
  }, 120_000);

  it('records the talk-over, counts the running speech as the answer, and branches on both', () => {
    const events = run.detail.events;
    const frameOf = (type: SessionEvent['type']) => events.find((e) => e.type === type)?.frame ?? Number.NaN;
    const over = frameOf('talked-over');
    expect(events.find((e) => e.type === 'talked-over')).toMatchObject({ stepId: 'complain' });
    expect(over).toBeGreaterThanOrEqual(answerStart);
    expect(over).toBeLessThan(frameOf('line-ended'));
    // The turn began with the speech, before the listen step did.
    expect(events.find((e) => e.type === 'turn-ended')).toMatchObject({ stepId: 'answer', reason: 'silence', speechStartFrame: over });
    expect(frameOf('listen-started')).toBeGreaterThan(over);
    expect(run.summary.turns[0]?.transcript).toMatch(/\bsorry\b/);
    expect(run.summary.branches).toEqual([
      { stepId: 'decide', rule: 0, to: 'calmer' },
      { stepId: 'manners', rule: 0, to: 'rude' },
    ]);
    expect(run.timeline).toContain('started speaking over the customer');
  });
});

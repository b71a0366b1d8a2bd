import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { SessionEvent } from '../../core/session/events.js';
import { parseEvents } from '../../electron/services/session/session-files.js';
import { driveCall, type DriveResult } from '../../scripts/rehearse/call-driver.js';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';

/**
 * A spoken call on a machine without a native recogniser: the back end runs with a PATH that has
 * no pocketsphinx_continuous, so the phrase spotter inside the app hears the answers.
 */
const SR = 16_000;
const RUDE = "You must have paid it twice. Calm down, it's only ninety pounds.";
const CONCRETE = "I'm refunding the second ninety pounds now; you'll see it back in three to five working days.";
const RECOGNISER = 'pocketsphinx_continuous';

/** A folder of links to every program on PATH except the recogniser. */
function pathWithout(program: string, root: string): string {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '' && existsSync(d))) {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('pocketsphinx') || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  if (existsSync(join(bin, program))) throw new Error(`${program} is still on the PATH`);
  return bin;
}

interface Call {
  readonly drive: DriveResult;
  readonly events: readonly SessionEvent[];
  /** null when the call was made only for its branches. */
  readonly analysis: SessionAnalysis | null;
  /** What the back end logged. */
  readonly output: readonly string[];
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return readFileSync(file, 'utf8');
}

/** One angry-caller call in the real app (browser shell, virtual microphone, festival answers). */
async function call(env: NodeJS.ProcessEnv | undefined, withAnalysis: boolean): Promise<Call> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-spotter-only-'));
  const shell = await startShellProcess({ dataDir, ...(env ? { env } : {}) });
  const chromium = await launchChromium({ virtualMic: true });
  try {
    await chromium.page.goto(shell.url);
    const voices = [RUDE, CONCRETE].map((t) => loadVoice(speech(t, 'us-slt')));
    const drive = await driveCall(chromium.page, { scenarioId: 'angry-caller', voices, typed: [] });
    expect(drive.finalPhase).toBe('ended');
    const dir = join(dataDir, 'sessions', drive.sessionId);
    const analysis = withAnalysis ? (JSON.parse(await waitForFile(join(dir, 'analysis.json'), 300_000)) as SessionAnalysis) : null;
    const { events } = parseEvents(readFileSync(join(dir, 'events.jsonl'), 'utf8'));
    return { drive, events, analysis, output: [...shell.output] };
  } finally {
    await chromium.close();
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const branches = (events: readonly SessionEvent[]) => events.flatMap((e) => (e.type === 'branch-taken' ? [{ stepId: e.stepId, rule: e.rule, to: e.to }] : []));

/** Seconds from each turn's end (and its speech's end) to the branch it decided. */
function decisionSeconds(events: readonly SessionEvent[]) {
  const out: { stepId: string; afterTurnEnded: number; afterSpeechEnded: number }[] = [];
  let ended: Extract<SessionEvent, { type: 'turn-ended' }> | null = null;
  for (const e of events) {
    if (e.type === 'turn-ended') ended = e;
    if (e.type === 'branch-taken' && ended) {
      out.push({ stepId: e.stepId, afterTurnEnded: (e.frame - ended.frame) / SR, afterSpeechEnded: (e.frame - (ended.speechEndFrame ?? ended.frame)) / SR });
      ended = null;
    }
  }
  return out;
}

describe('a spoken call with no native recogniser on the machine', () => {
  let root: string;
  let spotted: Call;
  let native: Call;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tryout-no-recogniser-'));
    spotted = await call({ ...process.env, PATH: pathWithout(RECOGNISER, root) }, true);
    console.log('spotter call:', JSON.stringify(spotted.events.filter((e) => ['turn-ended', 'turn-transcribed', 'branch-taken'].includes(e.type))));
    console.log('branch decided after the turn ended (s), spotter:', JSON.stringify(decisionSeconds(spotted.events)));
    console.log(spotted.output.filter((l) => l.includes('phrase spotter')).join('\n'));
    console.log('analysis (spotter):', JSON.stringify({ transcriber: spotted.analysis?.transcriber, findings: spotted.analysis?.findings.filter((f) => f.checklist === 'respect') }));
    native = await call(undefined, false);
    console.log('branch decided after the turn ended (s), pocketsphinx:', JSON.stringify(decisionSeconds(native.events)));
  }, 900_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('hears the answers with the spotter and branches as with pocketsphinx: rude first answer escalates, concrete second answer calms', () => {
    const transcribed = spotted.events.filter((e) => e.type === 'turn-transcribed');
    expect(transcribed.map((e) => [e.stepId, e.engine])).toEqual([
      ['first-answer', expect.stringMatching(/^soundswallower-spotter \d+\.\d+\.\d+$/)],
      ['second-answer', expect.stringMatching(/^soundswallower-spotter \d+\.\d+\.\d+$/)],
    ]);
    expect(native.events.filter((e) => e.type === 'turn-transcribed').map((e) => e.engine)).toEqual(['pocketsphinx', 'pocketsphinx']);
    expect(branches(spotted.events)).toEqual([
      { stepId: 'read-first', rule: 1, to: 'escalate' },
      { stepId: 'read-second', rule: 1, to: 'calm-close' },
    ]);
    expect(branches(spotted.events)).toEqual(branches(native.events));
    // Each answer was decoded while it was spoken, not after it.
    expect(spotted.output.filter((l) => /phrase spotter answered in \d+ ms \(spotted as it arrived\)/.test(l))).toHaveLength(2);
  });

  it('judges the call on the spotted phrases: the red flags and the next step with their times, the spotter named in analysis.json', () => {
    const { analysis, drive } = spotted;
    if (!analysis) throw new Error('the spotter call has no analysis');
    expect(analysis.transcriber.engine).toMatch(/^soundswallower-spotter \d+\.\d+\.\d+$/);
    expect(analysis.transcriber.note).toMatch(/Phrase spotter soundswallower .*cmusphinx-en-us-ptm-8khz-5\.2/);
    const [first, second] = drive.answers;
    if (!first || !second) throw new Error('the call had fewer than two answers');
    const within = (answer: { startFrame: number; frames: number }, e: { startFrame: number; endFrame: number }) => {
      expect(e.startFrame).toBeGreaterThanOrEqual(answer.startFrame - 0.5 * SR);
      expect(e.endFrame).toBeLessThanOrEqual(answer.startFrame + answer.frames + 0.5 * SR);
      expect(e.endFrame).toBeGreaterThan(e.startFrame);
    };
    const finding = (item: string) => analysis.findings.find((f) => f.checklist === 'respect' && f.item === item);
    const flags = finding('no-red-flags');
    expect(flags?.status).toBe('fail');
    const rude = flags?.evidence.filter((e) => e.stepId === 'first-answer') ?? [];
    expect(rude.map((e) => e.quote ?? '').join(' ')).toMatch(/calm down|paid it twice/);
    for (const e of rude) within(first, e);
    const nextStep = finding('gives-next-step');
    expect(nextStep?.status).toBe('pass');
    const concrete = nextStep?.evidence.filter((e) => e.stepId === 'second-answer') ?? [];
    expect(concrete.length).toBeGreaterThan(0);
    for (const e of concrete) within(second, e);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { SessionEvent } from '../../core/session/events.js';
import { driveCall, type DriveResult } from '../../scripts/rehearse/call-driver.js';
import { launchChromium, type LaunchedBrowser } from '../../scripts/rehearse/chromium.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { parseTurnTranscripts } from '../../electron/services/transcription/turn-transcript-file.js';

const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'No problem at all. I really enjoy helping people and solving their problems.',
  'Happy to repeat it. Helping people and solving their problems is what I enjoy most.',
];

describe('after a practice call the findings appear by themselves', () => {
  let dataDir: string;
  let shell: ShellProcess;
  let chromium: LaunchedBrowser;
  let drive: DriveResult;
  const clicks: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tryout-auto-findings-'));
    shell = await startShellProcess({ dataDir });
    chromium = await launchChromium({ virtualMic: true });
    await chromium.page.goto(shell.url);
    // Every click on the page is noted, to show that nobody asked for the checks.
    await chromium.page.exposeFunction('__noteClick', (id: string) => clicks.push(id));
    await chromium.page.evaluate(() => {
      document.addEventListener('click', (e) => {
        const id = (e.target as Element | null)?.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
        void (window as unknown as { __noteClick: (id: string) => Promise<void> }).__noteClick(id);
      }, true);
    });
    drive = await driveCall(chromium.page, { scenarioId: 'not-listening', voices: ANSWERS.map((t) => loadVoice(speech(t, 'us-slt'))), typed: [] });
  }, 600_000);
  afterAll(async () => {
    await chromium.close();
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the checks on the end screen with no button pressed, made from the transcripts of the call', async () => {
    const { page } = chromium;
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="ended"]', { timeout: 30_000 });
    // A practice call ends on the trainee's debrief (the findings panel is the coach's view).
    await page.waitForSelector('[data-testid="debrief"][data-state="done"]', { timeout: 120_000 });
    expect(clicks.filter((id) => /run-checks/.test(id))).toEqual([]);
    expect(await page.locator('[data-testid="debrief-score"]').count()).toBeGreaterThan(0);
    // Each answer's words beside its model answer: the transcripts made during the call.
    const words = await page.locator('[data-testid="your-answer"]').allTextContents();
    expect(words).toHaveLength(ANSWERS.length);
    expect(words.every((w) => /help|problem/i.test(w)), JSON.stringify(words)).toBe(true);

    // Every spoken turn was transcribed during the call and kept; the events are as before.
    const dir = join(dataDir, 'sessions', drive.sessionId);
    const kept = parseTurnTranscripts(readFileSync(join(dir, 'turn-transcripts.jsonl'), 'utf8'));
    expect(kept.skipped).toBe(0);
    expect(kept.transcripts.map((t) => t.stepId)).toEqual(drive.answers.map((a) => a.stepId));
    expect(kept.transcripts.every((t) => t.engine === 'pocketsphinx' && t.words.length > 0)).toBe(true);
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SessionEvent);
    expect(events.filter((e) => e.type === 'turn-ended' && e.speechStartFrame !== null)).toHaveLength(ANSWERS.length);
    const analysis = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as SessionAnalysis;
    expect(analysis.transcriber.note).toMatch(/\d+ of 4 answers reused the transcript made during the call/);
  });
});

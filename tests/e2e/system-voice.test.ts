import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../electron/services/session/wav.js';
import { rehearse } from '../../scripts/rehearse/rehearsal.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { rmsDb } from '../support/audio-checks.js';

describe('a line whose clip is missing', () => {
  it('is read by the system voice, captioned, logged as such, and the call goes on', async () => {
    const scenariosDir = mkdtempSync(join(tmpdir(), 'tryout-scenarios-'));
    cpSync('scenarios', scenariosDir, { recursive: true });
    rmSync(join(scenariosDir, 'audio/not-listening/again-2.wav'));
    const answer = loadVoice(speech('I enjoy helping people solve their problems.'));
    const run = await rehearse({ scenarioId: 'not-listening', scenariosDir, voices: [answer, answer, answer, answer], typed: [] });

    expect(run.summary.status).toBe('complete');
    expect(run.summary.steps.map((s) => s.id)).toEqual(['ask-why', 'answer', 'again-1', 'again-2', 'again-3', 'wrap-up']);
    const lines = run.detail.events.flatMap((e) => (e.type === 'line-started' ? [e] : []));
    const fallback = lines.find((l) => l.stepId === 'again-2');
    expect(fallback?.voice).toBe('system');
    expect(fallback?.clip).toBeNull();
    expect(fallback?.caption.length).toBeGreaterThan(5);
    expect(lines.filter((l) => l.voice === 'clip').map((l) => l.stepId)).toEqual(['ask-why', 'again-1', 'again-3', 'wrap-up']);

    // The system voice is not on the recording: channel 0 stays silent while it speaks (until the
    // listen after it starts, where the interviewer's typing noise begins).
    const bus = readWav(join(run.sessionDir, 'audio.wav')).samples[0] ?? new Int16Array(0);
    const listen = run.detail.events.find((e) => e.type === 'listen-started' && e.stepId === 'again-2');
    if (!fallback || !listen) throw new Error('the line and the listen after it are logged');
    expect(listen.frame - fallback.frame).toBeGreaterThan(8000);
    expect(rmsDb(bus, fallback.frame, listen.frame)).toBeLessThan(-60);
  });
});

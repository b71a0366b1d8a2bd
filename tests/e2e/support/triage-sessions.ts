import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { Finding, FindingStatus } from '../../../core/analysis/findings.js';
import { coachReview, sessionManifest, writeSessionFolder } from '../../support/library-sessions.js';
import { TryoutSchema } from '../../../core/tryout/schema.js';
import { wavHeader } from '../../../electron/services/session/wav.js';

/**
 * A tryout day's sessions for the coach's triage, written straight to disk as the back end
 * would have left them after analysing each call: manifest, events, one second of silent
 * two-channel audio and analysis.json with known findings. No speech, so it takes a moment.
 */

export const TRYOUT_ID = 'monday-tryout';
export const TRYOUT_DAY = '2026-11-23';

const ITEMS = [
  ['respect', 'no-red-flags', 'No blame, dismissal, sarcasm, talking down or refusal'],
  ['respect', 'apologises', 'Apologises for the trouble'],
  ['respect', 'owns-it', 'Owns the problem'],
  ['patience', 'answers-promptly', 'Answers within a few seconds'],
  ['patience', 'asks-before-hold', 'Asks before putting the caller on hold'],
  ['patience', 'full-repeat', 'Repeats the whole answer when asked'],
] as const;
export type ItemId = (typeof ITEMS)[number][1];

export interface TriageSession {
  readonly id: string;
  readonly candidate: string;
  readonly minute: number;
  readonly tryout: boolean;
  /** Status per item, in ITEMS order. */
  readonly statuses: readonly [FindingStatus, FindingStatus, FindingStatus, FindingStatus, FindingStatus, FindingStatus];
  /** Another coach's finished review: no-red-flags overridden to a pass, verdict advance. */
  readonly reviewedByOther?: boolean;
}

const P = 'pass';
const F = 'fail';
const R = 'needs-review';
const NA = 'not-applicable';

/** Needs attention: Ana 3 (a fail and two open), Ben 1, Cara 1 (older), Dan 0, Eve 0 (reviewed); Finn 4 but a practice call. */
export const SESSIONS: readonly TriageSession[] = [
  { id: '20261123-090000-ana001', candidate: 'Ana Ito', minute: 0, tryout: true, statuses: [F, P, R, R, NA, P] },
  { id: '20261123-093000-ben001', candidate: 'Ben Cole', minute: 30, tryout: true, statuses: [P, P, R, P, NA, P] },
  { id: '20261123-092000-cara01', candidate: 'Cara Diaz', minute: 20, tryout: true, statuses: [P, F, P, P, NA, NA] },
  { id: '20261123-094000-dan001', candidate: 'Dan Eze', minute: 40, tryout: true, statuses: [P, P, P, P, NA, NA] },
  { id: '20261123-095000-eve001', candidate: 'Eve Fox', minute: 50, tryout: true, statuses: [F, P, P, P, P, P], reviewedByOther: true },
  { id: '20261122-150000-finn01', candidate: 'Finn Gale', minute: 0, tryout: false, statuses: [R, R, R, R, P, P] },
];

export const OTHER_COACH = 'Inés Álvarez';
export const OTHER_REASON = 'The caller laughed: banter, not a put-down.';

function findingsOf(s: TriageSession): Finding[] {
  return ITEMS.map(([checklist, item, title], i) => {
    const status = s.statuses[i] ?? 'pass';
    return { checklist, item, title, kind: 'auto', status, rule: 'test', summary: `${title}: ${status}`, evidence: [] };
  });
}

/** Items a coach decides one radio at a time in the old review: the automatic passes and fails. */
export function decidable(s: TriageSession): number {
  return s.statuses.filter((x) => x === 'pass' || x === 'fail').length;
}

export function writeTriageDay(dataDir: string): void {
  mkdirSync(join(dataDir, 'tryouts'), { recursive: true });
  const at = `${TRYOUT_DAY}T08:00:00.000Z`;
  const tryout = TryoutSchema.parse({
    formatVersion: 1,
    id: TRYOUT_ID,
    name: 'Monday tryout',
    date: TRYOUT_DAY,
    scenarioIds: ['late-parcel'],
    checklistIds: ['respect', 'patience'],
    typedStepsAllowed: true,
    createdAt: at,
    updatedAt: at,
  });
  writeFileSync(join(dataDir, 'tryouts', `${TRYOUT_ID}.json`), `${JSON.stringify(tryout, null, 2)}\n`);
  for (const s of SESSIONS) {
    const day = s.tryout ? TRYOUT_DAY : '2026-11-22';
    const hour = s.tryout ? '09' : '15';
    const createdAt = `${day}T${hour}:${String(s.minute).padStart(2, '0')}:00.000Z`;
    const manifest = sessionManifest(s.id, {
      candidate: { name: s.candidate },
      createdAt,
      endedAt: createdAt,
      durationFrames: 16_000,
      ...(s.tryout ? { tryoutId: TRYOUT_ID } : {}),
    });
    const findings = findingsOf(s);
    const reviews = s.reviewedByOther
      ? [
          coachReview(s.id, OTHER_COACH, {
            decisions: { 'respect/no-red-flags': { automaticStatus: 'fail', status: 'pass', reason: OTHER_REASON, decidedAt: at } },
            verdict: 'advance',
          }),
        ]
      : [];
    const dir = writeSessionFolder(dataDir, manifest, reviews);
    writeFileSync(join(dir, 'events.jsonl'), '');
    // One second of silence on both channels.
    writeFileSync(join(dir, 'audio.wav'), Buffer.concat([wavHeader(16_000, 2, 16_000 * 4), Buffer.alloc(16_000 * 4)]));
    const analysis: SessionAnalysis = { formatVersion: 1, sessionId: s.id, scenarioId: manifest.scenarioId, sampleRate: 16_000, transcriber: { engine: 'none' }, checklists: ['respect', 'patience'], turns: [], holds: [], findings };
    writeFileSync(join(dir, 'analysis.json'), `${JSON.stringify(analysis, null, 2)}\n`);
  }
}

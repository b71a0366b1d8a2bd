import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { Finding, FindingStatus } from '../../core/analysis/findings.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { sessionManifest, writeSessionFolder } from './library-sessions.js';

/** Practice sessions written straight to disk (manifest + analysis.json, no audio) for the progress tests. */

export const PRACTICE_ITEMS = [
  { checklist: 'respect', item: 'no-red-flags', title: 'No blame, dismissal, sarcasm, talking down or refusal' },
  { checklist: 'patience', item: 'answers-promptly', title: 'Answers within a few seconds' },
  { checklist: 'patience', item: 'no-dead-air', title: 'No long dead air' },
] as const;

export function finding(item: (typeof PRACTICE_ITEMS)[number], status: FindingStatus, kind: Finding['kind'] = 'auto'): Finding {
  return { ...item, kind, status, rule: 'test', summary: `${item.title}: ${status}`, evidence: [] };
}

export function analysisOf(sessionId: string, scenarioId: string, findings: readonly Finding[]): SessionAnalysis {
  return { formatVersion: 1, sessionId, scenarioId, sampleRate: 16_000, transcriber: { engine: 'none' }, checklists: ['respect', 'patience'], turns: [], holds: [], findings: [...findings] };
}

/** Writes a finished session folder with this analysis (or none), as the back end would have. */
export function writePracticeSession(dataDir: string, manifest: Partial<SessionManifest> & { id: string }, findings: readonly Finding[] | null): string {
  const m = sessionManifest(manifest.id, manifest);
  const dir = writeSessionFolder(dataDir, m);
  if (findings) writeFileSync(join(dir, 'analysis.json'), `${JSON.stringify(analysisOf(m.id, m.scenarioId, findings), null, 2)}\n`);
  return dir;
}

/**
 * A new hire's three attempts at one scenario: red flags fail, fail, pass (improved); latency
 * pass, needs review, pass; dead air pass, pass, fail (slipped). Respect scores 0%, 0%, 100%;
 * patience 100%, 100%, 50%.
 */
export function writeThreeAttempts(dataDir: string, candidate: string, scenarioId: string, scenarioTitle: string): string[] {
  const [flags, latency, deadAir] = PRACTICE_ITEMS;
  const plan: [string, string, FindingStatus, FindingStatus, FindingStatus][] = [
    ['20261120-091500-prac01', '2026-11-20T09:15:00.000Z', 'fail', 'pass', 'pass'],
    ['20261121-101500-prac02', '2026-11-21T10:15:00.000Z', 'fail', 'needs-review', 'pass'],
    ['20261122-111500-prac03', '2026-11-22T11:15:00.000Z', 'pass', 'pass', 'fail'],
  ];
  for (const [id, createdAt, p, l, d] of plan) {
    writePracticeSession(dataDir, { id, createdAt, endedAt: createdAt, scenarioId, scenarioTitle, candidate: { name: candidate } }, [finding(flags, p), finding(latency, l), finding(deadAir, d)]);
  }
  return plan.map(([id]) => id);
}

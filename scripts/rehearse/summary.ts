import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { Finding } from '../../core/analysis/findings.js';
import type { SessionDetail } from '../../core/api.js';

export interface RehearsalSummary {
  readonly scenarioId: string;
  readonly sessionId: string;
  readonly status: string;
  readonly durationSeconds: number;
  readonly steps: readonly { id: string; kind: string; atSeconds: number }[];
  readonly turns: readonly TurnSummary[];
  readonly branches: readonly { stepId: string; rule: number | null; to: string }[];
  readonly lines: readonly { stepId: string; startSeconds: number; endSeconds: number | null; voice: string }[];
  /** The speech recogniser behind the findings ('none' when there was none). */
  readonly transcriber: string | null;
  /** One per checklist item (see scenarios/checklists), from the session's analysis. */
  readonly findings: readonly Finding[];
  /** Why the checks could not run, when they failed. */
  readonly analysisError?: string;
}

export interface TurnSummary {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly speechStartSeconds: number | null;
  readonly speechEndSeconds: number | null;
  readonly durationSeconds: number;
  readonly latencySeconds: number | null;
  readonly reason: string;
  readonly text?: string;
  /** Spoken turns: what speech recognition heard, when a branch asked for it. */
  readonly transcript?: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The dry-run report scenario authors read: path taken, turns with times, durations. */
export function summarize(detail: SessionDetail, analysis: SessionAnalysis | null = null): RehearsalSummary {
  const { manifest, events } = detail;
  const sec = (frame: number) => round(frame / manifest.sampleRate);
  const invited = new Map<string, number>();
  const turns: TurnSummary[] = [];
  const lines: { stepId: string; startSeconds: number; endSeconds: number | null; voice: string }[] = [];
  for (const e of events) {
    if (e.type === 'listen-started' || e.type === 'prompt-shown') invited.set(e.stepId, e.frame);
    if (e.type === 'line-started') lines.push({ stepId: e.stepId, startSeconds: sec(e.frame), endSeconds: null, voice: e.voice });
    if (e.type === 'line-ended') {
      const line = lines.findLast((l) => l.stepId === e.stepId);
      if (line) line.endSeconds = sec(e.frame);
    }
    if (e.type === 'turn-ended') {
      const start = invited.get(e.stepId) ?? e.frame;
      const speaking = e.speechStartFrame !== null && e.speechEndFrame !== null;
      turns.push({
        stepId: e.stepId, kind: 'spoken', startSeconds: sec(start), endSeconds: sec(e.frame),
        speechStartSeconds: e.speechStartFrame === null ? null : sec(e.speechStartFrame),
        speechEndSeconds: e.speechEndFrame === null ? null : sec(e.speechEndFrame),
        durationSeconds: speaking ? sec((e.speechEndFrame ?? 0) - (e.speechStartFrame ?? 0)) : 0,
        latencySeconds: e.speechStartFrame === null ? null : sec(e.speechStartFrame - start),
        reason: e.reason,
      });
    }
    if (e.type === 'turn-transcribed' && e.text !== null) {
      const index = turns.findLastIndex((t) => t.kind === 'spoken' && t.stepId === e.stepId);
      const turn = turns[index];
      if (turn) turns[index] = { ...turn, transcript: e.text };
    }
    if (e.type === 'typed-submitted') {
      const start = invited.get(e.stepId) ?? e.frame;
      turns.push({
        stepId: e.stepId, kind: 'typed', startSeconds: sec(start), endSeconds: sec(e.frame), speechStartSeconds: null, speechEndSeconds: null,
        durationSeconds: sec(e.frame - start), latencySeconds: e.firstKeyFrame === null ? null : sec(e.firstKeyFrame - start), reason: 'submitted', text: e.text,
      });
    }
  }
  return {
    scenarioId: manifest.scenarioId,
    sessionId: manifest.id,
    status: manifest.status,
    durationSeconds: sec(manifest.durationFrames),
    steps: events.flatMap((e) => (e.type === 'step-entered' ? [{ id: e.stepId, kind: e.kind, atSeconds: sec(e.frame) }] : [])),
    turns,
    branches: events.flatMap((e) => (e.type === 'branch-taken' ? [{ stepId: e.stepId, rule: e.rule, to: e.to }] : [])),
    lines,
    transcriber: analysis?.transcriber.engine ?? null,
    findings: analysis?.findings ?? [],
  };
}

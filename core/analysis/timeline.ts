import type { Scenario } from '../scenario/schema.js';
import type { SessionEvent } from '../session/events.js';

/** What happened when, from a session's events: the customer's lines, holds, the trainee's answers. */

export interface CustomerLine {
  readonly stepId: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** 'clip' lines are on channel 0; 'system' lines were spoken by the OS voice, off the recording. */
  readonly voice: 'clip' | 'system';
  readonly caption: string;
}

export interface Hold {
  readonly stepId: string;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly reason: 'elapsed' | 'resumed';
  /** The scenario's expected check-in interval, if any. */
  readonly checkInEverySeconds: number | null;
}

export interface AnswerWindow {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  /** For a repeat step, the listen step whose answer was asked for again. */
  readonly repeatOf: string | null;
  /** Where the trainee was invited to answer (listen started / prompt shown). */
  readonly invitedFrame: number;
  readonly endedFrame: number;
  /** Start of the customer line just before the invitation (speech from there on belongs to this answer). */
  readonly lineStartFrame: number | null;
  /** Typed answers: the text. */
  readonly text: string | null;
}

export interface Timeline {
  readonly lines: readonly CustomerLine[];
  readonly holds: readonly Hold[];
  readonly answers: readonly AnswerWindow[];
  readonly endFrame: number;
}

export function buildTimeline(scenario: Scenario, events: readonly SessionEvent[], durationFrames: number): Timeline {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const lines: CustomerLine[] = [];
  const holds: Hold[] = [];
  const answers: AnswerWindow[] = [];
  const openLines = new Map<string, { startFrame: number; voice: 'clip' | 'system'; caption: string; durationFrames: number | null }>();
  const openHolds = new Map<string, number>();
  const invited = new Map<string, number>();
  let lastLineStart: number | null = null;
  const lineBefore = new Map<string, number | null>();
  for (const e of events) {
    if (e.type === 'line-started') {
      openLines.set(e.stepId, { startFrame: e.frame, voice: e.voice, caption: e.caption, durationFrames: e.durationFrames });
      lastLineStart = e.frame;
    } else if (e.type === 'line-ended') {
      const line = openLines.get(e.stepId);
      if (line) lines.push({ stepId: e.stepId, startFrame: line.startFrame, endFrame: e.frame, voice: line.voice, caption: line.caption });
      openLines.delete(e.stepId);
    } else if (e.type === 'hold-started') {
      openHolds.set(e.stepId, e.frame);
      lastLineStart = null;
    } else if (e.type === 'hold-ended') {
      const start = openHolds.get(e.stepId);
      const step = steps.get(e.stepId);
      const every = step && 'hold' in step ? (step.hold.checkInEverySeconds ?? null) : null;
      if (start !== undefined) holds.push({ stepId: e.stepId, startFrame: start, endFrame: e.frame, reason: e.reason, checkInEverySeconds: every });
      openHolds.delete(e.stepId);
    } else if (e.type === 'listen-started' || e.type === 'prompt-shown') {
      invited.set(e.stepId, e.frame);
      lineBefore.set(e.stepId, lastLineStart);
    } else if (e.type === 'turn-ended' || e.type === 'typed-submitted') {
      const step = steps.get(e.stepId);
      answers.push({
        stepId: e.stepId,
        kind: e.type === 'turn-ended' ? 'spoken' : 'typed',
        repeatOf: step && 'repeat' in step ? step.repeat.of : null,
        invitedFrame: invited.get(e.stepId) ?? e.frame,
        endedFrame: e.frame,
        lineStartFrame: lineBefore.get(e.stepId) ?? null,
        text: e.type === 'typed-submitted' ? e.text : null,
      });
      lastLineStart = null;
    }
  }
  // A line still open at the end (a crash) is taken to have played its full length.
  for (const [stepId, line] of openLines) {
    const end = line.durationFrames === null ? durationFrames : line.startFrame + line.durationFrames;
    lines.push({ stepId, startFrame: line.startFrame, endFrame: Math.min(end, durationFrames), voice: line.voice, caption: line.caption });
  }
  lines.sort((a, b) => a.startFrame - b.startFrame);
  return { lines, holds, answers, endFrame: durationFrames };
}

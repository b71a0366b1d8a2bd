import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import type { SessionEvent } from '../../../core/session/events.js';

/**
 * What the replay screen lists beside the waveform, in recording order: the customer's lines
 * (the scenario text, at the frame each started), the trainee's recognised words with their
 * times, and typed answers. Pure, so it is tested without a browser.
 */
export interface ReplayWord {
  readonly word: string;
  readonly startFrame: number;
  readonly endFrame: number;
}

export type ReplayLine =
  | { readonly kind: 'customer'; readonly key: string; readonly startFrame: number; readonly text: string }
  | { readonly kind: 'trainee'; readonly key: string; readonly startFrame: number; readonly words: readonly ReplayWord[]; readonly note: string | null }
  | { readonly kind: 'typed'; readonly key: string; readonly startFrame: number; readonly text: string };

export function replayLines(events: readonly SessionEvent[], analysis: SessionAnalysis | null): ReplayLine[] {
  const lines: ReplayLine[] = [];
  events.forEach((e, i) => {
    // A still-there line ("Hello? Are you still there?") is the customer speaking too.
    if (e.type === 'line-started' || e.type === 'still-there') lines.push({ kind: 'customer', key: `c${i}`, startFrame: e.frame, text: e.caption });
    if (e.type === 'typed-submitted') lines.push({ kind: 'typed', key: `t${i}`, startFrame: e.frame, text: e.text });
  });
  for (const [i, turn] of (analysis?.turns ?? []).entries()) {
    if (turn.kind !== 'spoken' || !turn.speech) continue;
    const words = turn.transcript?.words ?? [];
    const note = words.length > 0 ? null : turn.transcript ? '(nothing recognised)' : '(spoken, not transcribed)';
    lines.push({ kind: 'trainee', key: `s${i}`, startFrame: words[0]?.startFrame ?? turn.speech.start, words, note });
  }
  // A stable order: by time, customer before trainee at the same frame.
  const rank = { customer: 0, trainee: 1, typed: 2 } as const;
  return lines.sort((a, b) => a.startFrame - b.startFrame || rank[a.kind] - rank[b.kind]);
}

/** "l<line>w<word>" of the word being spoken at `frame`, or of the last word before it in the same turn; null between turns. */
export function activeWordKey(lines: readonly ReplayLine[], frame: number): string | null {
  for (const line of lines) {
    if (line.kind !== 'trainee' || line.words.length === 0) continue;
    const first = line.words[0];
    const last = line.words[line.words.length - 1];
    if (!first || !last || frame < first.startFrame || frame >= last.endFrame) continue;
    let index = 0;
    line.words.forEach((w, i) => {
      if (w.startFrame <= frame) index = i;
    });
    return wordKey(line.key, index);
  }
  return null;
}

export const wordKey = (lineKey: string, index: number) => `${lineKey}w${index}`;

/** The line being heard at `frame`: the last line that started at or before it. */
export function activeLineKey(lines: readonly ReplayLine[], frame: number): string | null {
  let key: string | null = null;
  for (const line of lines) if (line.startFrame <= frame) key = line.key;
  return key;
}

/** One piece of evidence of one finding, as a place to jump to. */
export interface EvidenceMoment {
  readonly findingKey: string;
  readonly index: number;
  readonly title: string;
  readonly evidence: Evidence;
}

/** Every piece of evidence that is not a pass, in recording order: what N and P step through. */
export function evidenceMoments(findings: readonly Finding[]): EvidenceMoment[] {
  return findings
    .filter((f) => f.status !== 'pass')
    .flatMap((f) => f.evidence.map((evidence, index) => ({ findingKey: `${f.checklist}/${f.item}`, index, title: f.title, evidence })))
    .sort((a, b) => a.evidence.startFrame - b.evidence.startFrame || a.findingKey.localeCompare(b.findingKey) || a.index - b.index);
}

/**
 * The index of the moment after (direction 1) or before (-1): the neighbour of the selected one
 * while the playhead is still near it (two findings can share a moment), otherwise the first
 * one past the playhead. Null when there is none that way.
 */
export function stepMoment(moments: readonly EvidenceMoment[], selected: number | null, frame: number, direction: 1 | -1, sampleRate: number): number | null {
  const current = selected === null ? undefined : moments[selected];
  if (selected !== null && current && Math.abs(frame - current.evidence.startFrame) < sampleRate) {
    const next = selected + direction;
    return next >= 0 && next < moments.length ? next : null;
  }
  const slack = sampleRate / 2;
  if (direction === 1) {
    const index = moments.findIndex((m) => m.evidence.startFrame > frame + slack);
    return index < 0 ? null : index;
  }
  for (let i = moments.length - 1; i >= 0; i--) if ((moments[i]?.evidence.startFrame ?? Infinity) < frame - slack) return i;
  return null;
}

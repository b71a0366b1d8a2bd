import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { FindingStatus } from '../../core/analysis/findings.js';
import type { PlacedAnswer } from './accuracy-sessions.js';

/**
 * Scoring of the accuracy bench: each label of each corpus answer against the findings of the
 * session it was played in. A finding counts against an answer when it fails with evidence on
 * that answer (its step, or a time range inside its window), so a fail caused by another
 * answer of the same call is neither a hit nor a false alarm here.
 */
export interface LabelOutcome {
  readonly entryId: string;
  /** checklist/item */
  readonly item: string;
  readonly expected: 'fail' | 'pass';
  /** The session's finding for the item, or null when the item was not evaluated. */
  readonly status: FindingStatus | null;
  /** The finding failed because of this answer. */
  readonly flagged: boolean;
  readonly summary: string;
}

export function scoreAnswer(analysis: SessionAnalysis, answer: PlacedAnswer): LabelOutcome[] {
  const { entry, window } = answer;
  const labels = [...entry.fail.map((item) => ({ item, expected: 'fail' as const })), ...entry.pass.map((item) => ({ item, expected: 'pass' as const }))];
  return labels.map(({ item, expected }) => {
    const [checklist, id] = item.split('/');
    const finding = analysis.findings.find((f) => f.checklist === checklist && f.item === id);
    const flagged =
      finding?.status === 'fail' && finding.evidence.some((e) => e.stepId === entry.step || (e.startFrame < window.end && e.endFrame > window.start) || (e.startFrame === e.endFrame && e.startFrame >= window.start && e.startFrame < window.end));
    return { entryId: entry.id, item, expected, status: finding?.status ?? null, flagged, summary: finding?.summary ?? 'not evaluated in this session' };
  });
}

export interface ItemScore {
  readonly item: string;
  /** Fail labels found / fail labels. */
  readonly hits: number;
  readonly positives: number;
  /** Pass labels flagged / pass labels. */
  readonly falseAlarms: number;
  readonly negatives: number;
}

export function itemScores(outcomes: readonly LabelOutcome[]): ItemScore[] {
  const items = [...new Set(outcomes.map((o) => o.item))].sort();
  return items.map((item) => {
    const of = outcomes.filter((o) => o.item === item);
    const positives = of.filter((o) => o.expected === 'fail');
    const negatives = of.filter((o) => o.expected === 'pass');
    return { item, hits: positives.filter((o) => o.flagged).length, positives: positives.length, falseAlarms: negatives.filter((o) => o.flagged).length, negatives: negatives.length };
  });
}

/** Pooled over items: recall and false-alarm rate (null when there is nothing to count). */
export function pooled(scores: readonly ItemScore[]): { recall: number | null; falseAlarmRate: number | null; positives: number; negatives: number } {
  const positives = scores.reduce((n, s) => n + s.positives, 0);
  const negatives = scores.reduce((n, s) => n + s.negatives, 0);
  const hits = scores.reduce((n, s) => n + s.hits, 0);
  const falseAlarms = scores.reduce((n, s) => n + s.falseAlarms, 0);
  return { recall: positives > 0 ? hits / positives : null, falseAlarmRate: negatives > 0 ? falseAlarms / negatives : null, positives, negatives };
}

/** Detected speech of a spoken answer against where it was placed: signed errors in ms (late = positive). */
export function edgeErrors(analysis: SessionAnalysis, answer: PlacedAnswer): { onsetMs: number; offsetMs: number } | 'missed' | null {
  if (!answer.speech) return null;
  const turn = analysis.turns.find((t) => t.stepId === answer.entry.step);
  if (!turn?.speech) return 'missed';
  const ms = (frames: number) => (frames / analysis.sampleRate) * 1000;
  return { onsetMs: ms(turn.speech.start - answer.speech.start), offsetMs: ms(turn.speech.end - answer.speech.end) };
}

/** The q-quantile (nearest rank) of the values, or null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
}

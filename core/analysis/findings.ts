import type { ChecklistId } from './checklist-schema.js';

/** What a rule saw: a time range on the recording, and what was said or measured there. */
export interface Evidence {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly stepId?: string;
  /** The words (transcript or typed text) the rule is about. */
  readonly quote?: string;
  readonly measured?: number;
  readonly threshold?: number;
  /** Unit of measured/threshold: "s", "dB", "wpm", "semitones", "ratio", "errors", "words". */
  readonly unit?: string;
  /** One plain sentence for the coach. */
  readonly note?: string;
}

/**
 * not-applicable: the item had nothing to judge in this call (no hold, no step expecting the
 * move). It is never counted as a pass: scores are passed over decided (pass + fail).
 */
export type FindingStatus = 'pass' | 'fail' | 'needs-review' | 'not-applicable';

/** The result of one checklist item for one session. */
export interface Finding {
  readonly checklist: ChecklistId;
  readonly item: string;
  readonly title: string;
  readonly kind: 'auto' | 'coach-only';
  readonly status: FindingStatus;
  /** The rule kind that produced it ("phrasesAbsent", ...), or "coach-only". */
  readonly rule: string;
  /** One line saying why, e.g. "said \"calm down\" at 0:41". */
  readonly summary: string;
  readonly evidence: readonly Evidence[];
}

import type { DebriefScore } from '../../../core/debrief/debrief.js';

/**
 * The debrief's words, all in the trainee's terms: no rule names, no notes meant for the coach,
 * nothing about engines or files.
 */

/** "Your coach will listen for warmth in the voice". */
export function coachListensForText(title: string): string {
  return `Your coach will listen for ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

export const COACH_CHECKS_TEXT = 'Your coach will check this';

/** "67%", or an en dash when nothing is decided. */
export function percentText(score: number | null): string {
  return score === null ? '–' : `${Math.round(score * 100)}%`;
}

/** "2 of 3 passed · 1 for your coach", or what is left when nothing is decided yet. */
export function scoreDetailText(s: Pick<DebriefScore, 'passed' | 'failed' | 'forCoach'>): string {
  const decided = s.passed + s.failed;
  const parts = [decided === 0 ? 'nothing scored yet' : `${s.passed} of ${decided} passed`];
  if (s.forCoach > 0) parts.push(`${s.forCoach} for your coach`);
  return parts.join(' · ');
}

const COUNT_WORDS = ['', 'One', 'Two', 'Three'] as const;

/** "Three things to do differently next time" (fewer when fewer failed). */
export function nextTimeHeading(shown: number): string {
  if (shown === 0) return 'Next time';
  if (shown === 1) return 'One thing to do differently next time';
  return `${COUNT_WORDS[Math.min(shown, 3)] ?? 'Three'} things to do differently next time`;
}

/** "Answer 2 of 3". */
export function answerHeading(index: number, count: number): string {
  return count === 1 ? 'Your answer' : `Answer ${index + 1} of ${count}`;
}

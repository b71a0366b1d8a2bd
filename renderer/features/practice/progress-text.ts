import type { ChecklistTrend } from '../../../core/practice/checklist-trends.js';
import type { ItemChange, ItemChanges } from '../../../core/practice/item-changes.js';
import { attemptText, percent, shortDay } from './format.js';

/** The progress screen's words, in the trainee's terms. */

/**
 * "Personal best: 100% on 22 Nov", with "at <scenario>" when the chart mixes scenarios (with one
 * scenario chosen in the filter, its name would only repeat the filter).
 */
export function bestText(trend: Pick<ChecklistTrend, 'best' | 'points'>): string {
  const { best } = trend;
  if (best === null) return 'No personal best yet: nothing on this checklist has been scored.';
  const mixed = new Set(trend.points.map((p) => p.scenarioId)).size > 1;
  return `Personal best: ${percent(best.score)} on ${mixed ? attemptText(best) : shortDay(best.createdAt)}`;
}

/** "Latest: 67% (2 of 3 passed)". */
export function latestText(trend: ChecklistTrend): string {
  const last = trend.points.at(-1);
  if (!last) return '';
  return last.score === null ? 'Latest: nothing scored yet' : `Latest: ${percent(last.score)} (${last.passed} of ${last.decided} passed)`;
}

/** What a screen reader says for a chart; the table under it has every point. */
export function chartDescription(title: string, trend: ChecklistTrend): string {
  const scored = trend.points.filter((p) => p.score !== null);
  const count = `${trend.points.length} ${trend.points.length === 1 ? 'attempt' : 'attempts'}`;
  const first = scored[0];
  const last = scored.at(-1);
  const range = first && last && first !== last ? `, from ${percent(first.score)} on ${shortDay(first.createdAt)} to ${percent(last.score)} on ${shortDay(last.createdAt)}` : '';
  return `${title} score per attempt, ${count}${range}. ${bestText(trend)}. The table "${title}, attempt by attempt" has the same figures.`;
}

/** "Failed on 21 Nov, passed on 22 Nov". */
export function changeText(c: ItemChange): string {
  const word = (s: 'pass' | 'fail') => (s === 'pass' ? 'passed' : 'failed');
  return `${word(c.before.status)} on ${shortDay(c.before.createdAt)}, ${word(c.now)} now`;
}

/** The sentence over the two lists: which call is set against which. */
export function changesIntro(changes: ItemChanges): string {
  const { latest } = changes;
  if (latest === null) return 'Once one of your calls has been checked, the items that improved or slipped show here.';
  if (changes.earlierAtScenario === 0) return `Your latest call, on ${attemptText(latest)}, is your first at that scenario: take it again to see what improved or slipped.`;
  const none = changes.improved.length === 0 && changes.slipped.length === 0 ? ' Nothing changed: the same items passed and failed.' : '';
  return `Your latest call, on ${attemptText(latest)}, compared with your earlier calls at that scenario.${none}`;
}

import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import type { AttemptRef } from '../../../core/practice/item-changes.js';

/** "21 Nov, 10:15": an attempt's date in the tables and the chart's tooltips. */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** "21 Nov": a day, for the chart's axis and the text. */
export function shortDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

function shortTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * The chart's x labels, one per attempt (oldest first): the day, and under it the time when
 * the trainee practised more than once that day, so two calls of one day are told apart.
 */
export function attemptAxisLabels(dates: readonly string[]): (string | string[])[] {
  const days = dates.map(shortDay);
  return dates.map((iso, i) => (days.filter((d) => d === days[i]).length > 1 ? [days[i] ?? '', shortTime(iso)] : (days[i] ?? '')));
}

/** "67%", or an en dash when nothing was decided. */
export function percent(score: number | null): string {
  return score === null ? '–' : `${Math.round(score * 100)}%`;
}

/** The checklist's title from the loaded catalog ("Respect"), else its id with a capital. */
export function checklistTitle(id: string, checklists: readonly Pick<Checklist, 'id' | 'title'>[]): string {
  return checklists.find((c) => c.id === id)?.title ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/** "22 Nov at The interviewer who is not listening". */
export function attemptText(a: Pick<AttemptRef, 'createdAt' | 'scenarioTitle'>): string {
  return `${shortDay(a.createdAt)} at ${a.scenarioTitle}`;
}

import type { PracticeAttempt } from '../../../core/practice/progress.js';

/** "#2 · 21 Nov 10:15", the attempt's label on the chart and in the table. */
export function attemptLabel(attempt: PracticeAttempt, index: number): string {
  return `#${index + 1} · ${shortDate(attempt.createdAt)}`;
}

export function shortDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

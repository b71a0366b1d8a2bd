import type { Verdict } from '../review/schema.js';
import type { BoardCell, BoardRow, CandidateVerdict } from './results-board.js';

/** The board's words, the same on screen, in the CSV and in the PDF. */

export const BOARD_VERDICT_LABELS: Readonly<Record<Verdict, string>> = { advance: 'Advance', hold: 'Hold', 'not-a-fit': 'Not a fit' };

/** "respect" -> "Respect". */
export function checklistTitle(checklist: string): string {
  return checklist.charAt(0).toUpperCase() + checklist.slice(1);
}

/** "67%", or '' when nothing is decided yet. */
export function percentText(score: number | null): string {
  return score === null ? '' : `${Math.round(score * 100)}%`;
}

/** "67% · 2 of 3" or "no score yet". */
export function cellScoreText(cell: Pick<BoardCell, 'passed' | 'failed' | 'score'>): string {
  return cell.score === null ? 'no score yet' : `${percentText(cell.score)} · ${cell.passed} of ${cell.passed + cell.failed}`;
}

/** "Advance", "Split", or "No verdict yet". */
export function verdictLabel(v: CandidateVerdict): string {
  if (v.state === 'split') return 'Split';
  return v.final === null ? 'No verdict yet' : BOARD_VERDICT_LABELS[v.final];
}

/** "Advance (2 of 2 calls)": the verdict with how many calls carry one. */
export function verdictText(v: CandidateVerdict): string {
  if (v.state === 'none') return 'No verdict yet';
  return `${verdictLabel(v)} (${v.decidedCalls} of ${v.calls} ${v.calls === 1 ? 'call' : 'calls'})`;
}

export function reviewedByText(row: Pick<BoardRow, 'reviewedBy'>): string {
  return row.reviewedBy.map((c) => c.name).join(', ');
}

/** "2 of 3", with what is still under way. */
export function callsText(row: Pick<BoardRow, 'callsDone' | 'callsTotal' | 'pending'>): string {
  return `${row.callsDone} of ${row.callsTotal}${row.pending > 0 ? ` (${row.pending} in progress)` : ''}`;
}

export function candidateText(row: Pick<BoardRow, 'candidateName' | 'candidateId'>): string {
  return row.candidateId ? `${row.candidateName} (${row.candidateId})` : row.candidateName;
}

import type { BoardRow, ResultsBoard } from './results-board.js';
import { callsText, checklistTitle, reviewedByText, verdictLabel } from './results-board-text.js';

/**
 * The results board as CSV for a spreadsheet (RFC 4180): one header row, one row per candidate,
 * CRLF line ends, fields quoted where needed. No CSV library is installed, so quoting is done here,
 * in one function.
 */

/** Starts of a cell that a spreadsheet would run as a formula ("=HYPERLINK(...)" typed as a name). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field, RFC 4180: quoted when it holds a comma, a double quote, CR or LF (or starts or ends
 * with a space, which some readers trim), with each double quote doubled. Text that a spreadsheet
 * would take for a formula gets a leading apostrophe first (OWASP's advice for CSV injection).
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records as CSV text, each line ended by CRLF. */
export function csvText(records: readonly (readonly (string | number)[])[]): string {
  return records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

function scoreCell(score: number | null): string | number {
  return score === null ? '' : Math.round(score * 100);
}

export function resultsBoardCsvHeader(board: Pick<ResultsBoard, 'checklists'>): string[] {
  return [
    'Candidate',
    'Candidate number',
    ...board.checklists.flatMap((c) => [`${checklistTitle(c)} score (%)`, `${checklistTitle(c)} fails`, `${checklistTitle(c)} needs review`]),
    'Fails',
    'Needs review',
    'Verdict',
    'Calls with a verdict',
    'Reviewed by',
    'Calls done',
  ];
}

export function resultsBoardCsvRecord(row: BoardRow): (string | number)[] {
  return [
    row.candidateName,
    row.candidateId ?? '',
    ...row.cells.flatMap((c) => [scoreCell(c.score), c.failed, c.needsReview]),
    row.fails,
    row.needsReview,
    verdictLabel(row.verdict),
    row.verdict.decidedCalls,
    reviewedByText(row),
    callsText(row),
  ];
}

/** The board (rows in the order given: the order on screen) as CSV text. */
export function resultsBoardCsv(board: Pick<ResultsBoard, 'checklists'>, rows: readonly BoardRow[]): string {
  return csvText([resultsBoardCsvHeader(board), ...rows.map(resultsBoardCsvRecord)]);
}

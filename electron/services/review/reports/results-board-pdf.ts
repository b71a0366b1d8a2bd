import type { BoardRow, ResultsBoard } from '../../../../core/tryout/results-board.js';
import { callsText, candidateText, cellScoreText, checklistTitle, reviewedByText, verdictText } from '../../../../core/tryout/results-board-text.js';
import type { ReportFonts } from './report-fonts.js';
import { ReportPdf, type TableColumn } from './report-pdf.js';
import { dateTime } from './report-text.js';

/**
 * The results board as one PDF for the hiring meeting: the day (tryout name and date), what was
 * judged, then one table row per candidate in the order on screen. Built on the reports' own
 * layout (report-pdf.ts), so it looks like the session and candidate reports.
 */

export interface ResultsBoardPdfOptions {
  /** When it was made (printed under the title). */
  readonly at: Date;
  readonly fonts?: ReportFonts;
}

/** A checklist cell: the score, then what is left in it ("1 fail · 2 to review"). */
function cellText(row: BoardRow, index: number): string {
  const cell = row.cells[index];
  if (!cell) return '';
  const open = [cell.failed > 0 ? `${cell.failed} ${cell.failed === 1 ? 'fail' : 'fails'}` : '', cell.needsReview > 0 ? `${cell.needsReview} to review` : ''].filter(Boolean).join(' · ');
  return open ? `${cellScoreText(cell)}\n${open}` : cellScoreText(cell);
}

export async function resultsBoardPdf(board: ResultsBoard, rows: readonly BoardRow[], opts: ResultsBoardPdfOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const day = `${board.tryout.name}, ${board.tryout.date}`;
  const pdf = new ReportPdf({ title: `Results board: ${day}`, footer: `Tryout results board · ${day}`, ...(opts.fonts ? { fonts: opts.fonts } : {}) });
  pdf.title(`Results board: ${board.tryout.name}`, `Tryout day ${board.tryout.date} · made ${dateTime(opts.at.toISOString())}`);
  pdf.keyValues([
    ['Tryout', board.tryout.name],
    ['Date', board.tryout.date],
    ['Candidates', String(rows.length)],
    ['Playlist', `${board.tryout.scenarioIds.length} ${board.tryout.scenarioIds.length === 1 ? 'call' : 'calls'}: ${board.tryout.scenarioIds.join(', ')}`],
    ['Checklists', board.checklists.map(checklistTitle).join(', ')],
  ]);
  pdf.heading('Candidates');
  if (rows.length === 0) {
    pdf.paragraph('No candidate has taken a call of this tryout yet.', { muted: true });
  } else {
    const columns: TableColumn[] = [
      { title: 'Candidate', width: 1.4 },
      ...board.checklists.map((c): TableColumn => ({ title: checklistTitle(c), width: 1.15 })),
      { title: 'Fails', width: 0.45, align: 'right' },
      { title: 'To review', width: 0.9, align: 'right' },
      { title: 'Verdict', width: 1.05 },
      { title: 'Reviewed by', width: 1.1 },
      { title: 'Calls', width: 0.6 },
    ];
    pdf.table(
      columns,
      rows.map((row) => [candidateText(row), ...board.checklists.map((_, i) => cellText(row, i)), String(row.fails), String(row.needsReview), verdictText(row.verdict), reviewedByText(row) || 'not reviewed yet', callsText(row)]),
      { fontSize: 8 },
    );
  }
  pdf.paragraph(
    'A checklist’s score is the items passed over the items decided, over all the candidate’s calls; not-applicable items and items still needing review are left out. Each result is the coaches’ call where they made one, else the automatic check. The verdict is the coaches’ verdict on each call; Split means coaches or calls differ.',
    { muted: true, size: 8 },
  );
  return pdf.finish();
}

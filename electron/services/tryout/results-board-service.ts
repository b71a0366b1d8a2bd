import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import { sessionResult, type ResultReview } from '../../../core/result/session-result.js';
import { resultsBoardOf, type BoardSession, type ResultsBoard } from '../../../core/tryout/results-board.js';
import { resultsBoardCsv } from '../../../core/tryout/results-board-csv.js';
import { DEFAULT_BOARD_SORT, sortBoardRows, type BoardSort } from '../../../core/tryout/results-board-sort.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import type { ResultsBoardExport } from '../../../core/api-outputs.js';
import { writeFileAtomicSync } from '../storage/atomic-write.js';
import { mapLimited } from '../storage/map-limited.js';
import { exportsDir, freeFileName } from '../transfer/pack-export.js';
import type { ReportFonts } from '../review/reports/report-fonts.js';
import { resultsBoardPdf } from '../review/reports/results-board-pdf.js';

/**
 * getResultsBoard and exportResultsBoard: gather one tryout day's sessions, each one's result
 * (core/result/session-result.ts, from its analysis.json and reviews), then the pure board.
 * Exports go to <data dir>/exports/results-<tryout id>-<yyyymmdd>-<hhmmss>.csv|pdf.
 */

export const RESULTS_BOARD_FILE_NAME = /^results-[a-z0-9][a-z0-9-]{2,62}[a-z0-9]-\d{8}-\d{6}(?:-\d{1,3})?\.(?:csv|pdf)$/;

/** A session of the day as the library index knows it (everything but its result). */
export type BoardSessionFacts = Omit<BoardSession, 'result'>;

export interface ResultsBoardDeps {
  readonly dataDir: string;
  readonly tryout: (tryoutId: string) => Promise<Tryout>;
  /** The sessions whose manifest names this tryout. */
  readonly sessionsOf: (tryoutId: string) => Promise<readonly BoardSessionFacts[]>;
  readonly analysisOf: (sessionId: string) => Promise<SessionAnalysis | null>;
  readonly reviewsOf: (sessionId: string) => Promise<readonly ResultReview[]>;
  readonly fonts?: ReportFonts;
  readonly now?: () => Date;
}

const READ_CONCURRENCY = 16;

export async function resultsBoardFor(deps: ResultsBoardDeps, tryoutId: string): Promise<ResultsBoard> {
  const tryout = await deps.tryout(tryoutId);
  const facts = await deps.sessionsOf(tryoutId);
  const sessions = await mapLimited([...facts], READ_CONCURRENCY, async (s): Promise<BoardSession> => {
    const [analysis, reviews] = await Promise.all([deps.analysisOf(s.sessionId), deps.reviewsOf(s.sessionId)]);
    return { ...s, result: sessionResult(analysis?.findings ?? null, reviews) };
  });
  return resultsBoardOf(tryout, sessions);
}

function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

/** Writes the board as CSV or PDF (rows in `sort`'s order, as on screen) and says where it is. */
export async function exportResultsBoard(deps: ResultsBoardDeps, request: { tryoutId: string; format: 'csv' | 'pdf'; sort?: BoardSort | undefined }): Promise<ResultsBoardExport> {
  const at = deps.now?.() ?? new Date();
  const board = await resultsBoardFor(deps, request.tryoutId);
  const rows = sortBoardRows(board.rows, request.sort ?? DEFAULT_BOARD_SORT);
  let bytes: Uint8Array;
  let pages: number | null = null;
  if (request.format === 'csv') {
    // A byte-order mark, so spreadsheet programs read the names as UTF-8 ("José", "Łukasz").
    bytes = new TextEncoder().encode(`\uFEFF${resultsBoardCsv(board, rows)}`);
  } else {
    const pdf = await resultsBoardPdf(board, rows, { at, ...(deps.fonts ? { fonts: deps.fonts } : {}) });
    bytes = pdf.bytes;
    pages = pdf.pages;
  }
  const dir = exportsDir(deps.dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = freeFileName(dir, (suffix) => `results-${board.tryout.id}-${stamp(at)}${suffix}.${request.format}`);
  const path = join(dir, fileName);
  writeFileAtomicSync(path, bytes);
  return { fileName, path, url: `/media/exports/${fileName}`, bytes: bytes.byteLength, format: request.format, pages };
}

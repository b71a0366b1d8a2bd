import type { ReportFile } from '../../../../core/api.js';
import { loadCandidateReportData, loadSessionReportData, type ReportSources } from './report-data.js';
import { saveReport, subjectSlug } from './report-files.js';
import type { ReportFonts } from './report-fonts.js';
import { ReportPdf } from './report-pdf.js';
import { renderCandidateReport } from './candidate-report.js';
import { renderSessionReport } from './session-report.js';

/** createReport: a PDF of one session or of all a candidate's sessions, written to <data dir>/reports/. */

export type ReportRequest = { readonly kind: 'session'; readonly sessionId: string } | { readonly kind: 'candidate'; readonly candidateName: string };

export interface CreateReportOptions extends ReportSources {
  /** The report's fonts; by default a system Unicode font, else the PDF built-ins (report-fonts.ts). */
  readonly fonts?: ReportFonts;
  readonly now?: Date;
}

export async function createReport(opts: CreateReportOptions, request: ReportRequest): Promise<ReportFile> {
  const now = opts.now ?? new Date();
  const fonts = opts.fonts ? { fonts: opts.fonts } : {};
  if (request.kind === 'session') {
    const data = await loadSessionReportData(opts, request.sessionId);
    const name = data.manifest.candidate.name;
    const pdf = new ReportPdf({ title: `Session report: ${name}, ${data.manifest.scenarioTitle}`, footer: `Tryout session report · ${name} · ${data.manifest.id}`, ...fonts });
    renderSessionReport(pdf, data);
    const { bytes, pages } = await pdf.finish();
    return saveReport(opts.dataDir, 'session', data.manifest.id, bytes, pages, now);
  }
  const sessions = await loadCandidateReportData(opts, request.candidateName);
  const name = sessions[0]?.manifest.candidate.name ?? request.candidateName;
  const pdf = new ReportPdf({ title: `Candidate report: ${name}`, footer: `Tryout candidate report · ${name}`, ...fonts });
  renderCandidateReport(pdf, sessions);
  const { bytes, pages } = await pdf.finish();
  return saveReport(opts.dataDir, 'candidate', subjectSlug(name), bytes, pages, now);
}

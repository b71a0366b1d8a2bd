import type { SessionReportData } from './report-data.js';
import type { ReportPdf } from './report-pdf.js';
import { clock, dateTime, SESSION_STATUS_LABELS, verdictText } from './report-text.js';
import { itemsAcrossSessions } from './candidate-summary.js';
import { renderSessionInShort } from './session-report.js';

/** A candidate's sessions: an overview, each checklist item across the sessions, then each session in short. */
export function renderCandidateReport(pdf: ReportPdf, sessions: readonly SessionReportData[]): void {
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (!first || !last) return;
  const name = first.manifest.candidate.name;
  const coaches = [...new Set(sessions.flatMap((s) => s.reviews.map((r) => r.coach.name)))].sort((a, b) => a.localeCompare(b));
  pdf.title('Candidate report', `${name} · ${sessions.length} session${sessions.length === 1 ? '' : 's'}`);
  pdf.keyValues([
    ['Candidate', name],
    ['Sessions', String(sessions.length)],
    ['Period', first === last ? dateTime(first.manifest.createdAt) : `${dateTime(first.manifest.createdAt)} to ${dateTime(last.manifest.createdAt)}`],
    ['Coaches', coaches.length > 0 ? coaches.join(', ') : 'not reviewed yet'],
  ]);

  pdf.heading('Sessions');
  pdf.table(
    [
      { title: 'Date', width: 1.3 },
      { title: 'Scenario', width: 1.8 },
      { title: 'Duration', width: 0.9, align: 'right' },
      { title: 'Status', width: 1 },
      { title: 'Verdicts', width: 2.2 },
    ],
    sessions.map((s) => [
      dateTime(s.manifest.createdAt),
      s.scenario?.title ?? s.manifest.scenarioTitle,
      clock(s.manifest.durationFrames, s.manifest.sampleRate),
      SESSION_STATUS_LABELS[s.manifest.status],
      s.reviews.length > 0 ? s.reviews.map((r) => `${r.coach.name}: ${verdictText(r.verdict)}`).join('\n') : '–',
    ]),
  );

  pdf.heading('Checklist items across sessions');
  const items = itemsAcrossSessions(sessions);
  if (items.length === 0) {
    pdf.paragraph('None of these sessions has been analysed yet.', { muted: true });
  } else {
    pdf.table(
      [
        { title: 'Item', width: 3 },
        { title: 'Sessions', width: 0.9, align: 'right' },
        { title: 'Pass', width: 0.7, align: 'right' },
        { title: 'Fail', width: 0.7, align: 'right' },
        { title: 'Needs review', width: 0.9, align: 'right' },
        { title: 'Not applicable', width: 0.9, align: 'right' },
        { title: 'Overridden', width: 0.9, align: 'right' },
        { title: 'Mean score', width: 0.8, align: 'right' },
      ],
      items.map((i) => [i.title, String(i.sessions), String(i.pass), String(i.fail), String(i.needsReview), String(i.notApplicable), String(i.overridden), i.meanScore === null ? '–' : `${i.meanScore}/5`]),
      { fontSize: 8.5 },
    );
    pdf.paragraph(
      'Pass, Fail, Needs review and Not applicable count each session’s final result: a coach’s call over the automatic one, needs review where coaches differ. Not applicable is never a pass. Overridden counts the sessions where coaches reversed the check; Mean score averages the coaches’ 1-5 scores of coach-only items.',
      { muted: true, size: 8 },
    );
  }

  pdf.heading('Each session');
  for (const s of sessions) renderSessionInShort(pdf, s);
}

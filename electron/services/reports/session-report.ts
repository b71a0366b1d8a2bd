import type { Finding } from '../../../core/analysis/findings.js';
import { findingKey } from '../../../core/review/schema.js';
import type { SessionReportData } from './report-data.js';
import type { ReportPdf } from './report-pdf.js';
import {
  STATUS_LABELS,
  SESSION_STATUS_LABELS,
  clock,
  coachLines,
  dateTime,
  evidenceText,
  span,
  transcriptEntries,
  verdictText,
} from './report-text.js';

/** The sections of one session: in full for a session report, in short inside a candidate report. */

function rate(data: SessionReportData): number {
  return data.analysis?.sampleRate ?? data.manifest.sampleRate;
}

export function sessionFacts(data: SessionReportData): [string, string][] {
  const m = data.manifest;
  const candidate = m.candidate.candidateId ? `${m.candidate.name} (${m.candidate.candidateId})` : m.candidate.name;
  return [
    ['Candidate', candidate],
    ['Scenario', `${data.scenario?.title ?? m.scenarioTitle} (${m.scenarioId})`],
    ['Date', dateTime(m.createdAt)],
    ['Duration', clock(m.durationFrames, m.sampleRate)],
    ['Status', SESSION_STATUS_LABELS[m.status]],
    ['Session', m.id],
    ['Checks', data.analysis ? `analysed (speech recognition: ${data.analysis.transcriber.engine})` : 'not analysed yet'],
    ['Coaches', data.reviews.length > 0 ? data.reviews.map((r) => r.coach.name).join(', ') : 'not reviewed yet'],
  ];
}

function verdicts(pdf: ReportPdf, data: SessionReportData): void {
  if (data.reviews.length === 0) {
    pdf.paragraph('No coach has reviewed this session yet.', { muted: true });
    return;
  }
  for (const r of data.reviews) {
    pdf.paragraph(`${r.coach.name}: ${verdictText(r.verdict)}`, { bold: true });
    pdf.paragraph(`reviewed ${dateTime(r.startedAt)}, last change ${dateTime(r.updatedAt)}`, { muted: true, size: 8.5 });
    if (r.summary.trim()) pdf.paragraph(r.summary.trim(), { indent: 12 });
    pdf.space(4);
  }
}

function groupByChecklist(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.checklist, [...(groups.get(f.checklist) ?? []), f]);
  return groups;
}

function checklistTitle(id: string): string {
  return `${id.charAt(0).toUpperCase()}${id.slice(1)} checklist`;
}

function findingsInFull(pdf: ReportPdf, data: SessionReportData): void {
  if (!data.analysis) {
    pdf.paragraph('The checks have not run on this session yet.', { muted: true });
    return;
  }
  for (const [checklist, findings] of groupByChecklist(data.analysis.findings)) {
    pdf.heading(checklistTitle(checklist), 2);
    for (const f of findings) {
      pdf.statusLine(f.status, f.title);
      if (f.summary) pdf.paragraph(f.summary, { indent: 12, muted: true });
      pdf.bullets(f.evidence.map((e) => evidenceText(e, rate(data))));
      const coach = coachLines(f, data.reviews);
      if (coach.length > 0) pdf.bullets(coach.map((line) => `Coach: ${line}`));
      pdf.space(4);
    }
  }
}

function coachScores(pdf: ReportPdf, data: SessionReportData): void {
  const items = (data.analysis?.findings ?? []).filter((f) => f.kind === 'coach-only');
  const scored = data.reviews.filter((r) => Object.keys(r.scores).length > 0);
  if (items.length === 0 || scored.length === 0) {
    pdf.paragraph(items.length === 0 ? 'This session has no coach-only items.' : 'No coach has scored the coach-only items yet.', { muted: true });
    return;
  }
  const rows = items.map((f) => [f.title, ...scored.map((r) => scoreCell(r.scores[findingKey(f)]))]);
  pdf.table([{ title: 'Item', width: 1.2 }, ...scored.map((r) => ({ title: r.coach.name, width: 1.6 }))], rows);
}

function scoreCell(score: { score: number; note: string } | undefined): string {
  if (!score) return '–';
  return score.note ? `${score.score}/5 · ${score.note}` : `${score.score}/5`;
}

function annotations(pdf: ReportPdf, data: SessionReportData): void {
  const rows = data.reviews.flatMap((r) =>
    r.annotations.map((a) => ({ frame: a.startFrame, cells: [span(a.startFrame, a.endFrame, rate(data)), r.coach.name, a.tags.join(', '), a.note] })),
  );
  if (rows.length === 0) {
    pdf.paragraph('No annotations.', { muted: true });
    return;
  }
  rows.sort((a, b) => a.frame - b.frame);
  pdf.table(
    [
      { title: 'Time', width: 0.9 },
      { title: 'Coach', width: 1.3 },
      { title: 'Tags', width: 1.3 },
      { title: 'Note', width: 4 },
    ],
    rows.map((r) => r.cells),
  );
}

function transcript(pdf: ReportPdf, data: SessionReportData): void {
  const entries = transcriptEntries(data);
  if (entries.length === 0) {
    pdf.paragraph('Nothing was said or typed.', { muted: true });
    return;
  }
  const customer = data.scenario?.customer.name ?? 'Customer';
  const trainee = data.manifest.candidate.name;
  pdf.table(
    [
      { title: 'Time', width: 0.7 },
      { title: 'Who', width: 1.5 },
      { title: 'Said or typed', width: 5.3 },
    ],
    entries.map((e) => [clock(e.frame, rate(data)), `${e.speaker === 'customer' ? customer : trainee}${e.typed ? ' (typed)' : ''}`, e.text]),
  );
  if (data.analysis?.turns.some((t) => t.kind === 'spoken')) {
    pdf.paragraph(`Spoken answers as heard by speech recognition (${data.analysis.transcriber.engine}); it can miss or mishear words.`, { muted: true, size: 8.5 });
  }
}

/** The whole session: facts, verdicts, findings with evidence and decisions, scores, annotations, transcript. */
export function renderSessionReport(pdf: ReportPdf, data: SessionReportData): void {
  const m = data.manifest;
  pdf.title('Session report', `${m.candidate.name} · ${data.scenario?.title ?? m.scenarioTitle} · ${dateTime(m.createdAt)}`);
  pdf.keyValues(sessionFacts(data));
  pdf.heading('Verdicts and summaries');
  verdicts(pdf, data);
  pdf.heading('Findings');
  findingsInFull(pdf, data);
  pdf.heading('Coach-only scores');
  coachScores(pdf, data);
  pdf.heading('Annotations');
  annotations(pdf, data);
  pdf.heading('Transcript excerpts');
  transcript(pdf, data);
}

/** A session inside a candidate report: facts, verdicts and summaries, one row per finding. */
export function renderSessionInShort(pdf: ReportPdf, data: SessionReportData): void {
  const m = data.manifest;
  pdf.heading(`${dateTime(m.createdAt)} · ${data.scenario?.title ?? m.scenarioTitle}`, 2);
  pdf.paragraph(`${clock(m.durationFrames, m.sampleRate)} · ${SESSION_STATUS_LABELS[m.status]} · session ${m.id}`, { muted: true, size: 8.5 });
  verdicts(pdf, data);
  const findings = data.analysis?.findings ?? [];
  if (findings.length > 0) {
    pdf.table(
      [
        { title: 'Item', width: 2 },
        { title: 'Automatic', width: 1 },
        { title: 'Evidence', width: 3 },
        { title: 'Coaches', width: 3 },
      ],
      findings.map((f) => [
        `${f.checklist}: ${f.title}`,
        STATUS_LABELS[f.status],
        f.evidence[0] ? evidenceText(f.evidence[0], rate(data)) : f.summary,
        coachLines(f, data.reviews).join('\n') || '–',
      ]),
      { fontSize: 8 },
    );
  } else {
    pdf.paragraph('The checks have not run on this session yet.', { muted: true });
  }
  const notes = data.reviews.reduce((n, r) => n + r.annotations.length, 0);
  if (notes > 0) pdf.paragraph(`${notes} annotation${notes === 1 ? '' : 's'}; see the session report for them.`, { muted: true, size: 8.5 });
}

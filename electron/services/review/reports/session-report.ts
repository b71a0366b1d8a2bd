import type { Finding } from '../../../../core/analysis/findings.js';
import { sessionResult, type ItemResult, type SessionResult } from '../../../../core/result/session-result.js';
import { findingKey } from '../../../../core/review/schema.js';
import type { SessionReportData } from './report-data.js';
import type { ReportPdf } from './report-pdf.js';
import {
  STATUS_LABELS,
  SESSION_STATUS_LABELS,
  checklistScoreText,
  clock,
  coachLines,
  dateTime,
  evidenceText,
  finalVerdictText,
  resultSourceText,
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

/** The session's result (core/result/session-result.ts): a coach's call over the automatic one. */
export function resultOfReport(data: SessionReportData): SessionResult {
  return sessionResult(data.analysis?.findings ?? null, data.reviews);
}

function checklistTitle(id: string): string {
  return `${id.charAt(0).toUpperCase()}${id.slice(1)} checklist`;
}

/** Decided items first, not-applicable ones last (they count for nothing). */
function reportOrder(items: readonly ItemResult[]): ItemResult[] {
  return [...items.filter((i) => i.final !== 'not-applicable'), ...items.filter((i) => i.final === 'not-applicable')];
}

/** The final verdict and each checklist's score, final (coach over automatic) with the automatic one beside it. */
function resultSummary(pdf: ReportPdf, result: SessionResult): void {
  const rows: [string, string][] = [['Final verdict', finalVerdictText(result.verdict)]];
  for (const c of result.checklists) {
    const final = checklistScoreText(c);
    const automatic = checklistScoreText(c.automatic);
    rows.push([checklistTitle(c.checklist), final === automatic ? final : `${final}; automatic: ${automatic}`]);
  }
  if (result.checklists.length > 0) {
    rows.push(['Needs review', String(result.totals.needsReview)]);
    rows.push(['Overridden', String(result.totals.overridden)]);
  }
  pdf.keyValues(rows);
  pdf.paragraph('Scores are passed over passed and failed; items that needed review or were not applicable are left out.', { muted: true, size: 8 });
}

function findingsInFull(pdf: ReportPdf, data: SessionReportData, result: SessionResult): void {
  if (!data.analysis) {
    pdf.paragraph('The checks have not run on this session yet.', { muted: true });
    return;
  }
  const findings = new Map<string, Finding>(data.analysis.findings.map((f) => [findingKey(f), f]));
  for (const c of result.checklists) {
    pdf.heading(`${checklistTitle(c.checklist)} · ${checklistScoreText(c)}`, 2);
    for (const item of reportOrder(c.items)) {
      const f = findings.get(item.key);
      pdf.statusLine(item.final, item.title);
      const source = resultSourceText(item);
      if (source) pdf.paragraph(source, { indent: 12, bold: item.source === 'overridden' || item.source === 'coaches-differ' });
      if (item.summary) pdf.paragraph(item.summary, { indent: 12, muted: true });
      pdf.bullets((f?.evidence ?? []).map((e) => evidenceText(e, rate(data))));
      const coach = coachLines(item, data.reviews);
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

/** The whole session: facts, result, verdicts, findings with evidence and decisions, scores, annotations, transcript. */
export function renderSessionReport(pdf: ReportPdf, data: SessionReportData): void {
  const m = data.manifest;
  const result = resultOfReport(data);
  pdf.title('Session report', `${m.candidate.name} · ${data.scenario?.title ?? m.scenarioTitle} · ${dateTime(m.createdAt)}`);
  pdf.keyValues(sessionFacts(data));
  pdf.heading('Result');
  resultSummary(pdf, result);
  pdf.heading('Verdicts and summaries');
  verdicts(pdf, data);
  pdf.heading('Findings');
  findingsInFull(pdf, data, result);
  pdf.heading('Coach-only scores');
  coachScores(pdf, data);
  pdf.heading('Annotations');
  annotations(pdf, data);
  pdf.heading('Transcript excerpts');
  transcript(pdf, data);
}

/** A session inside a candidate report: facts, verdicts and summaries, one row per item with its final result. */
export function renderSessionInShort(pdf: ReportPdf, data: SessionReportData): void {
  const m = data.manifest;
  const result = resultOfReport(data);
  pdf.heading(`${dateTime(m.createdAt)} · ${data.scenario?.title ?? m.scenarioTitle}`, 2);
  pdf.paragraph(`${clock(m.durationFrames, m.sampleRate)} · ${SESSION_STATUS_LABELS[m.status]} · session ${m.id}`, { muted: true, size: 8.5 });
  verdicts(pdf, data);
  if (data.analysis && result.checklists.length > 0) {
    pdf.paragraph(`Final verdict: ${finalVerdictText(result.verdict)}. ${result.checklists.map((c) => `${checklistTitle(c.checklist)}: ${checklistScoreText(c)}`).join('. ')}.`, { size: 9 });
    const findings = new Map<string, Finding>(data.analysis.findings.map((f) => [findingKey(f), f]));
    pdf.table(
      [
        { title: 'Item', width: 2 },
        { title: 'Result', width: 1 },
        { title: 'Automatic', width: 1 },
        { title: 'Evidence', width: 2.6 },
        { title: 'Coaches', width: 2.8 },
      ],
      result.checklists.flatMap((c) =>
        reportOrder(c.items).map((item) => {
          const f = findings.get(item.key);
          const evidence = f?.evidence[0] ? evidenceText(f.evidence[0], rate(data)) : item.summary;
          return [
            `${item.checklist}: ${item.title}`,
            `${STATUS_LABELS[item.final]}${item.source === 'overridden' ? ' (overridden)' : item.source === 'coaches-differ' ? ' (coaches differ)' : ''}`,
            item.automatic === null ? '–' : STATUS_LABELS[item.automatic],
            evidence,
            coachLines(item, data.reviews).join('\n') || '–',
          ];
        }),
      ),
      { fontSize: 8 },
    );
  } else {
    pdf.paragraph('The checks have not run on this session yet.', { muted: true });
  }
  const notes = data.reviews.reduce((n, r) => n + r.annotations.length, 0);
  if (notes > 0) pdf.paragraph(`${notes} annotation${notes === 1 ? '' : 's'}; see the session report for them.`, { muted: true, size: 8.5 });
}

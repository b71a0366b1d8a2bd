import type { Evidence, FindingStatus } from '../../../../core/analysis/findings.js';
import type { ChecklistResult, ItemResult, VerdictResult } from '../../../../core/result/session-result.js';
import type { FindingDecision, Review, Verdict } from '../../../../core/review/schema.js';
import type { SessionReportData } from './report-data.js';

/** Plain-text pieces of a report (times, labels, evidence, the transcript), kept apart from the layout. */

/** Frames as m:ss (h:mm:ss from an hour on). */
export function clock(frames: number, sampleRate: number): string {
  const total = Math.max(0, Math.floor(frames / sampleRate));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function span(startFrame: number, endFrame: number | null, sampleRate: number): string {
  const from = clock(startFrame, sampleRate);
  const to = endFrame === null ? from : clock(endFrame, sampleRate);
  return to === from ? from : `${from}–${to}`;
}

/** An ISO time as "2026-11-23 14:05" in the local time of the machine making the report. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export const STATUS_LABELS: Record<FindingStatus, string> = { pass: 'Pass', fail: 'Fail', 'needs-review': 'Needs review', 'not-applicable': 'Not applicable' };
export const VERDICT_LABELS: Record<Verdict, string> = { advance: 'Advance', hold: 'Hold', 'not-a-fit': 'Not a fit' };
export const SESSION_STATUS_LABELS: Record<SessionReportData['manifest']['status'], string> = {
  recording: 'not finished (still marked recording)',
  complete: 'complete',
  incomplete: 'incomplete (hung up before the first answer)',
  recovered: 'recovered after a crash',
};

export function verdictText(verdict: Verdict | null): string {
  return verdict === null ? 'no verdict yet' : VERDICT_LABELS[verdict];
}

/** The session's verdict: "Advance (both coaches agree)", "Split: Ana Ruiz Advance, Björn Larsen Hold", "no verdict yet". */
export function finalVerdictText(v: VerdictResult): string {
  if (v.state === 'none') return 'no verdict yet';
  if (v.state === 'split') return `Split: ${v.byCoach.map((c) => `${c.coach.name} ${VERDICT_LABELS[c.verdict]}`).join(', ')}`;
  const who = v.byCoach.length === 1 ? `${v.byCoach[0]?.coach.name ?? ''}` : v.byCoach.length === 2 ? 'both coaches agree' : `all ${v.byCoach.length} coaches agree`;
  const pending = v.pending.length > 0 ? `; ${v.pending.map((c) => c.name).join(', ')} still reviewing` : '';
  return `${v.final ? VERDICT_LABELS[v.final] : ''} (${who}${pending})`;
}

/** "67% (2 passed, 1 failed; 1 needs review; 2 not applicable)"; not-applicable is never in the score. */
export function checklistScoreText(c: Pick<ChecklistResult, 'passed' | 'failed' | 'needsReview' | 'notApplicable' | 'score'>): string {
  const score = c.score === null ? 'no score' : `${Math.round(c.score * 100)}%`;
  const parts = [`${c.passed} passed, ${c.failed} failed`];
  if (c.needsReview > 0) parts.push(`${c.needsReview} needs review`);
  if (c.notApplicable > 0) parts.push(`${c.notApplicable} not applicable`);
  return `${score} (${parts.join('; ')})`;
}

/**
 * How an item's final result came about, beside it: "Automatic: Fail · overridden by Ana Ruiz:
 * <reason>"; null when the automatic result stands.
 */
export function resultSourceText(item: ItemResult): string | null {
  const automatic = `Automatic: ${item.automatic === null ? 'not checked' : STATUS_LABELS[item.automatic]}`;
  const by = item.decidedBy.map((c) => c.name).join(' and ');
  const reason = item.reason ? ` — ${item.reason}` : '';
  switch (item.source) {
    case 'automatic':
      return null;
    case 'confirmed':
      return `${automatic} · confirmed by ${by}${reason}`;
    case 'overridden':
      return `${automatic} · overridden by ${by}${reason}`;
    case 'decided':
      return `${automatic} · decided by ${by}${reason}`;
    case 'coaches-differ':
      return `${automatic} · ${item.reason}`;
  }
}

function number(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** One line of evidence: "0:41–0:44 · step first-answer · “calm down” · measured 3.2 s (threshold 2 s) · note". */
export function evidenceText(e: Evidence, sampleRate: number): string {
  const parts = [span(e.startFrame, e.endFrame, sampleRate)];
  if (e.stepId) parts.push(`step ${e.stepId}`);
  if (e.quote) parts.push(`“${e.quote}”`);
  const unit = e.unit ? ` ${e.unit}` : '';
  if (e.measured !== undefined) parts.push(`measured ${number(e.measured)}${unit}${e.threshold !== undefined ? ` (threshold ${number(e.threshold)}${unit})` : ''}`);
  else if (e.threshold !== undefined) parts.push(`threshold ${number(e.threshold)}${unit}`);
  if (e.note) parts.push(e.note);
  return parts.join(' · ');
}

/** "Ana Ruiz confirmed: Fail" or "Ana Ruiz overrode Pass → Fail: <reason>". */
export function decisionText(coach: string, d: FindingDecision): string {
  if (d.status === d.automaticStatus) return `${coach} confirmed: ${STATUS_LABELS[d.status]}${d.reason ? ` (${d.reason})` : ''}`;
  return `${coach} overrode ${STATUS_LABELS[d.automaticStatus]} → ${STATUS_LABELS[d.status]}: ${d.reason}`;
}

/** The coaches' decisions and scores on one finding, one line each. */
export function coachLines(finding: { readonly checklist: string; readonly item: string }, reviews: readonly Review[]): string[] {
  const key = `${finding.checklist}/${finding.item}`;
  const lines: string[] = [];
  for (const r of reviews) {
    const decision = r.decisions[key];
    if (decision) lines.push(decisionText(r.coach.name, decision));
    const score = r.scores[key];
    if (score) lines.push(`${r.coach.name} scored ${score.score}/5${score.note ? `: ${score.note}` : ''}`);
  }
  return lines;
}

export interface TranscriptEntry {
  readonly frame: number;
  readonly speaker: 'customer' | 'trainee';
  readonly text: string;
  readonly typed: boolean;
}

const MAX_EXCERPT_CHARS = 600;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_EXCERPT_CHARS ? flat : `${flat.slice(0, MAX_EXCERPT_CHARS - 1).trimEnd()}…`;
}

function scenarioText(data: SessionReportData, stepId: string): { line: string | null; message: string | null } {
  const step = data.scenario?.steps.find((s) => s.id === stepId);
  if (!step) return { line: null, message: null };
  if ('say' in step) return { line: step.say, message: null };
  if ('repeat' in step) return { line: step.repeat.say, message: null };
  if ('type' in step) return { line: null, message: step.type.message ?? null };
  return { line: null, message: null };
}

/** The trainee's answers: from analysis.json's turns, or (not analysed) from the events. */
function traineeEntries(data: SessionReportData): TranscriptEntry[] {
  if (data.analysis) {
    return data.analysis.turns.flatMap((t): TranscriptEntry[] => {
      const text = t.kind === 'typed' ? t.text : (t.transcript?.text ?? null);
      const frame = t.speech?.start ?? t.invitedFrame;
      return text && text.trim() ? [{ frame, speaker: 'trainee', text: excerpt(text), typed: t.kind === 'typed' }] : [];
    });
  }
  return data.events.flatMap((e): TranscriptEntry[] => {
    if (e.type === 'typed-submitted' && e.text.trim()) return [{ frame: e.frame, speaker: 'trainee', text: excerpt(e.text), typed: true }];
    if (e.type === 'turn-transcribed' && e.text?.trim()) return [{ frame: e.frame, speaker: 'trainee', text: excerpt(e.text), typed: false }];
    return [];
  });
}

/** The call in order: the customer's lines as played (text from the scenario) and each answer. */
export function transcriptEntries(data: SessionReportData): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  for (const e of data.events) {
    if (e.type === 'line-started') {
      entries.push({ frame: e.frame, speaker: 'customer', text: excerpt(scenarioText(data, e.stepId).line ?? e.caption), typed: false });
    } else if (e.type === 'still-there') {
      entries.push({ frame: e.frame, speaker: 'customer', text: excerpt(e.caption), typed: false });
    } else if (e.type === 'prompt-shown') {
      const message = scenarioText(data, e.stepId).message;
      if (message) entries.push({ frame: e.frame, speaker: 'customer', text: excerpt(message), typed: true });
    }
  }
  entries.push(...traineeEntries(data));
  // Stable: at the same frame the customer's line comes first, as it was played first.
  return entries.map((entry, i) => ({ entry, i })).sort((a, b) => a.entry.frame - b.entry.frame || a.i - b.i).map((x) => x.entry);
}

import type { CoachRef } from '../review/calibration.js';
import type { Verdict } from '../review/schema.js';
import { itemsOf, scoreOf, type ItemResult, type SessionResult } from '../result/session-result.js';
import type { SessionManifest } from '../session/manifest.js';
import type { Tryout } from './schema.js';

/**
 * The tryout lead's results board: one row per candidate of a tryout day, one column per
 * checklist, then fails, needs review, the verdict, who reviewed and how many calls are done.
 * Built from each session's result (core/result/session-result.ts), never from findings or
 * reviews directly: a cell only adds up the counts of the sessions' results.
 *
 * - A candidate is the name (case and spaces ignored) plus the candidate number given at check-in.
 * - A checklist cell sums the candidate's sessions: score = passed / (passed + failed) over all
 *   of them (not-applicable and needs-review left out, as in each session's own score).
 * - Each cell says what to open: the first session (playlist order) with a failed item in that
 *   column, at that item; else the first with an item needing review; else the first session.
 * - The verdict: the sessions' final verdicts; one kind over every call that has one is that
 *   verdict ('agreed'), different ones or any split session are 'split', none yet is 'none'.
 */

/** One session of the day as the board needs it: its manifest's facts and its result. */
export interface BoardSession {
  readonly sessionId: string;
  readonly candidateName: string;
  readonly candidateId: string | null;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly createdAt: string;
  readonly status: SessionManifest['status'];
  readonly result: SessionResult;
}

export type BoardTryout = Pick<Tryout, 'id' | 'name' | 'date' | 'scenarioIds' | 'checklistIds'>;

/** What a cell opens: a session, at an item ("<checklist>/<item>") when there is one to look at. */
export interface BoardLink {
  readonly sessionId: string;
  readonly itemKey: string | null;
  readonly itemTitle: string | null;
  /** Why this item: it failed, or it waits for a coach. */
  readonly reason: 'fail' | 'needs-review' | 'session';
}

export interface BoardCell {
  readonly checklist: string;
  readonly passed: number;
  readonly failed: number;
  readonly needsReview: number;
  readonly notApplicable: number;
  /** passed / (passed + failed) over the candidate's sessions; null when nothing is decided. */
  readonly score: number | null;
  readonly open: BoardLink | null;
}

export interface CandidateVerdict {
  readonly state: 'none' | 'agreed' | 'split';
  readonly final: Verdict | null;
  /** Calls whose coaches gave an agreed verdict. */
  readonly decidedCalls: number;
  readonly calls: number;
}

export interface BoardCallRef {
  readonly sessionId: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly status: SessionManifest['status'];
  readonly analysed: boolean;
}

export interface BoardRow {
  /** Stable id of the candidate on this board. */
  readonly candidateKey: string;
  readonly candidateName: string;
  readonly candidateId: string | null;
  /** One per board checklist, in the board's order. */
  readonly cells: readonly BoardCell[];
  readonly fails: number;
  readonly needsReview: number;
  readonly verdict: CandidateVerdict;
  /** Every coach with a review of any of the candidate's calls, by name. */
  readonly reviewedBy: readonly CoachRef[];
  /** Playlist scenarios with a finished call. */
  readonly callsDone: number;
  readonly callsTotal: number;
  /** Calls still being recorded or not analysed yet (their items are not on the board yet). */
  readonly pending: number;
  /** The candidate's calls, in playlist order. */
  readonly calls: readonly BoardCallRef[];
  /** What the candidate's name, fails and verdict cells open: the first failing item over every checklist. */
  readonly open: BoardLink | null;
}

export interface ResultsBoard {
  readonly tryout: BoardTryout;
  /** The tryout's checklists, then any other a result holds. */
  readonly checklists: readonly string[];
  readonly rows: readonly BoardRow[];
  readonly sessions: number;
}

const FINISHED: ReadonlySet<SessionManifest['status']> = new Set(['complete', 'incomplete', 'recovered']);

/** "  Ana  LIMA " and "ana lima" are the same candidate; the number given at check-in tells namesakes apart. */
export function candidateKeyOf(name: string, candidateId: string | null): string {
  return `${name.trim().replace(/\s+/g, ' ').toLowerCase()}#${candidateId?.trim().toLowerCase() ?? ''}`;
}

function playlistOrder(tryout: BoardTryout): (a: BoardSession, b: BoardSession) => number {
  const rank = (s: BoardSession) => {
    const i = tryout.scenarioIds.indexOf(s.scenarioId);
    return i < 0 ? tryout.scenarioIds.length : i;
  };
  return (a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.sessionId.localeCompare(b.sessionId);
}

/** The first item to look at over `sessions` (in order) among the items `pick` keeps. */
export function firstItemToOpen(sessions: readonly BoardSession[], pick: (item: ItemResult) => boolean = () => true): BoardLink | null {
  for (const reason of ['fail', 'needs-review'] as const) {
    for (const s of sessions) {
      const item = itemsOf(s.result).find((i) => pick(i) && i.final === reason);
      if (item) return { sessionId: s.sessionId, itemKey: item.key, itemTitle: item.title, reason };
    }
  }
  const first = sessions[0];
  return first ? { sessionId: first.sessionId, itemKey: null, itemTitle: null, reason: 'session' } : null;
}

function cellOf(checklist: string, sessions: readonly BoardSession[]): BoardCell {
  let passed = 0;
  let failed = 0;
  let needsReview = 0;
  let notApplicable = 0;
  for (const s of sessions) {
    const c = s.result.checklists.find((x) => x.checklist === checklist);
    if (!c) continue;
    passed += c.passed;
    failed += c.failed;
    needsReview += c.needsReview;
    notApplicable += c.notApplicable;
  }
  const having = sessions.filter((s) => s.result.checklists.some((c) => c.checklist === checklist));
  return { checklist, passed, failed, needsReview, notApplicable, score: scoreOf(passed, failed), open: firstItemToOpen(having.length > 0 ? having : sessions, (i) => i.checklist === checklist) };
}

export function candidateVerdictOf(sessions: readonly BoardSession[]): CandidateVerdict {
  const finals = sessions.flatMap((s) => (s.result.verdict.final === null ? [] : [s.result.verdict.final]));
  const split = sessions.some((s) => s.result.verdict.state === 'split') || new Set(finals).size > 1;
  const base = { decidedCalls: finals.length, calls: sessions.length };
  if (split) return { state: 'split', final: null, ...base };
  if (finals.length === 0) return { state: 'none', final: null, ...base };
  return { state: 'agreed', final: finals[0] ?? null, ...base };
}

function rowOf(tryout: BoardTryout, checklists: readonly string[], key: string, sessions: readonly BoardSession[]): BoardRow {
  const ordered = [...sessions].sort(playlistOrder(tryout));
  // The name as last written at check-in.
  const latest = [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? ordered[0];
  const reviewers = new Map<string, CoachRef>();
  for (const s of ordered) for (const r of s.result.reviewers) reviewers.set(r.id, r);
  const done = new Set(ordered.filter((s) => FINISHED.has(s.status) && tryout.scenarioIds.includes(s.scenarioId)).map((s) => s.scenarioId));
  return {
    candidateKey: key,
    candidateName: latest?.candidateName.trim() ?? '',
    candidateId: latest?.candidateId ?? null,
    cells: checklists.map((c) => cellOf(c, ordered)),
    fails: ordered.reduce((n, s) => n + s.result.totals.failed, 0),
    needsReview: ordered.reduce((n, s) => n + s.result.totals.needsReview, 0),
    verdict: candidateVerdictOf(ordered),
    reviewedBy: [...reviewers.values()].sort((a, b) => a.name.localeCompare(b.name)),
    callsDone: done.size,
    callsTotal: tryout.scenarioIds.length,
    pending: ordered.filter((s) => !FINISHED.has(s.status) || !s.result.analysed).length,
    calls: ordered.map((s) => ({ sessionId: s.sessionId, scenarioId: s.scenarioId, scenarioTitle: s.scenarioTitle, status: s.status, analysed: s.result.analysed })),
    open: firstItemToOpen(ordered),
  };
}

/** The board of one tryout day from its sessions (any order); rows by candidate name. */
export function resultsBoardOf(tryout: BoardTryout, sessions: readonly BoardSession[]): ResultsBoard {
  const inForce: readonly string[] = tryout.checklistIds;
  const extra = new Set<string>();
  for (const s of sessions) for (const c of s.result.checklists) if (!inForce.includes(c.checklist)) extra.add(c.checklist);
  const checklists = [...inForce, ...[...extra].sort()];
  const byCandidate = new Map<string, BoardSession[]>();
  for (const s of sessions) {
    const key = candidateKeyOf(s.candidateName, s.candidateId);
    const list = byCandidate.get(key);
    if (list) list.push(s);
    else byCandidate.set(key, [s]);
  }
  const rows = [...byCandidate].map(([key, list]) => rowOf(tryout, checklists, key, list));
  rows.sort((a, b) => a.candidateName.localeCompare(b.candidateName) || a.candidateKey.localeCompare(b.candidateKey));
  const { id, name, date, scenarioIds, checklistIds } = tryout;
  return { tryout: { id, name, date, scenarioIds, checklistIds }, checklists, rows, sessions: sessions.length };
}

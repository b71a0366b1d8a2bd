import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { createReport } from '../../../../electron/services/review/reports/create-report.js';
import { REPORT_FILE_NAME } from '../../../../electron/services/review/reports/report-files.js';
import { tempRoot } from '../fixtures.js';
import { ink, pdfPages, pdfText, renderPage } from '../pdf-tools.js';
import { ANNOTATION_NOTE, COACH_SUMMARY, OVERRIDE_REASON, TRAINEE_QUOTE, anaReview, bjornReview, writeSession } from '../report-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const root = tempRoot('reports');
const dataDir = join(root, 'data');
const logged: string[] = [];
const service = createTrainerService({ dataDir, scenariosDir: join(ROOT, 'scenarios'), transcriber: null, log: (m) => logged.push(m) });
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

const AT = '2026-11-20T09:30:00.000Z';
const first = writeSession(dataDir, {
  id: '20261120-093000-jose01',
  candidate: 'José Núñez',
  createdAt: AT,
  reviews: [
    { coach: 'Ana Ruiz', content: anaReview(AT) },
    { coach: 'Björn Larsen', content: bjornReview(AT) },
  ],
});
writeSession(dataDir, { id: '20261121-140000-jose02', candidate: '  josé NÚÑEZ ', createdAt: '2026-11-21T14:00:00.000Z', analysed: false });
writeSession(dataDir, { id: '20261121-150000-other1', candidate: 'Łukasz Wróbel', createdAt: '2026-11-21T15:00:00.000Z' });
// One coach only: her override is the final result.
const overridden = writeSession(dataDir, { id: '20261122-100000-mia001', candidate: 'Mia Ortega', createdAt: '2026-11-22T10:00:00.000Z', reviews: [{ coach: 'Ana Ruiz', content: anaReview(AT) }] });

describe('session report', () => {
  it('writes a PDF under <data>/reports, served for download, with every part of the review in it', async () => {
    const report = await service.api.createReport({ kind: 'session', sessionId: first.id });
    expect(report.fileName).toMatch(REPORT_FILE_NAME);
    expect(report.fileName).toMatch(/^session-20261120-093000-jose01-\d{8}-\d{6}\.pdf$/);
    expect(report.path).toBe(join(dataDir, 'reports', report.fileName));
    expect(report.url).toBe(`/media/reports/${report.fileName}`);
    expect(statSync(report.path).size).toBe(report.bytes);
    expect(readFileSync(report.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(service.resolveMedia(report.url)).toBe(report.path);
    expect(report.pages).toBe(pdfPages(report.path));

    const text = pdfText(report.path);
    // The header: candidate, scenario, date, duration (95 s), status.
    expect(text).toContain('José Núñez');
    expect(text).toContain('The angry caller');
    expect(text).toContain('1:35');
    expect(text).toContain('complete');
    // Findings with status and evidence (times as m:ss, measured vs threshold).
    expect(text).toContain('Lets the customer finish');
    expect(text).toContain('0:12–0:13 · step open · measured 1.7 s (threshold 0.5 s)');
    // The final result (core/result/session-result.ts): Ana overrode the automatic fail and Björn
    // confirmed it, so the coaches differ and the item needs review (before, the PDF printed the
    // automatic FAIL whatever the coaches decided).
    expect(text).toContain('NEEDS REVIEW');
    expect(text).toContain('Automatic: Fail · coaches differ: Ana Ruiz pass, Björn Larsen fail');
    expect(text).toContain('Final verdict');
    expect(text).toContain('Split: Ana Ruiz Advance, Björn Larsen Hold');
    // Scores leave not-applicable out: patience is 1 passed, not 2.
    expect(text).toContain('Patience checklist · 100% (1 passed, 0 failed; 1 not applicable)');
    expect(text).toContain('NOT APPLICABLE');
    expect(text).toContain('no hold in this call');
    // Coach decisions: an override with its reason, a confirmation, the coach-only scores.
    expect(text).toContain(`Ana Ruiz overrode Fail → Pass: ${OVERRIDE_REASON}`);
    expect(text).toContain('Björn Larsen confirmed: Fail');
    expect(text).toContain('Ana Ruiz scored 4/5: warm from the first words');
    expect(text).toContain('Coach-only scores');
    // Annotations with time, tags and note.
    expect(text).toContain(ANNOTATION_NOTE);
    expect(text).toMatch(/0:14–0:18 Ana Ruiz great-recovery Lovely recovery/);
    // Verdicts and summaries per coach.
    expect(text).toContain('Ana Ruiz: Advance');
    expect(text).toContain('Björn Larsen: Hold');
    expect(text).toContain(COACH_SUMMARY);
    // Transcript: the customer's line from the scenario, the trainee's words.
    expect(text).toContain("I've been charged twice for my March bill.");
    expect(text).toContain('Sandra Keane');
    expect(text).toContain(TRAINEE_QUOTE);
    expect(text).toContain('i will refund the second payment today');
  });

  it('shows the final result where one coach overrode the check, with the automatic result and the reason beside it', async () => {
    const text = pdfText((await service.api.createReport({ kind: 'session', sessionId: overridden.id })).path);
    expect(text).toContain(`Automatic: Fail · overridden by Ana Ruiz — ${OVERRIDE_REASON}`);
    // Respect: both auto items pass after the override, warmth scored 4 passes.
    expect(text).toContain('Respect checklist · 100% (3 passed, 0 failed)');
    // The result summary: the final score with the automatic one beside it.
    expect(text).toContain('100% (3 passed, 0 failed); automatic: 50% (1 passed, 1 failed; 1 needs review)');
    expect(text).toContain('Advance (Ana Ruiz)');
    expect(text).not.toContain('FAIL');
  });

  it('renders page 1 as a readable page: ink on white, coloured badges and headings', async () => {
    const report = await service.api.createReport({ kind: 'session', sessionId: first.id });
    const png = renderPage(report.path, 1, join(root, 'session-page'));
    const page = ink(png);
    // A4 at 60 dpi is about 496 x 702 pixels (pdftoppm rounds up).
    expect(Math.abs(page.width - 496)).toBeLessThanOrEqual(1);
    expect(Math.abs(page.height - 702)).toBeLessThanOrEqual(1);
    expect(page.dark).toBeGreaterThan(0.01);
    expect(page.dark).toBeLessThan(0.5);
    expect(page.coloured).toBeGreaterThan(0.001);
  });

  it('still reports a session that was never analysed or reviewed', async () => {
    const report = await service.api.createReport({ kind: 'session', sessionId: '20261121-140000-jose02' });
    const text = pdfText(report.path);
    expect(text).toContain('josé NÚÑEZ');
    expect(text).toContain('not analysed yet');
    expect(text).toContain('No coach has reviewed this session yet.');
    expect(text).toContain('The checks have not run on this session yet.');
    expect(text).toContain('Sandra Keane');
    expect(text).toContain(TRAINEE_QUOTE); // from the turn-transcribed event
  });

  it('refuses unknown sessions and bad input with clear errors', async () => {
    await expect(service.api.createReport({ kind: 'session', sessionId: '20990101-000000-nosuch' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.dispatch('createReport', { kind: 'session', sessionId: '../../etc' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(service.dispatch('createReport', { kind: 'everything' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(service.api.createReport({ kind: 'candidate', candidateName: 'Nobody Here' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('serves only report file names from the reports folder', () => {
    for (const path of ['/media/reports/../sessions/x.pdf', '/media/reports/%2e%2e%2fmanifest.json', '/media/reports/notes.txt', '/media/reports/session-x-20261120-093000.pdf/x']) {
      expect(service.resolveMedia(path)).toBeNull();
    }
  });
});

describe('candidate report', () => {
  it('gathers every session of the candidate (any case), a table per checklist item, and each session in short', async () => {
    const report = await service.api.createReport({ kind: 'candidate', candidateName: 'JOSÉ núñez' });
    expect(report.fileName).toMatch(/^candidate-jose-nunez-\d{8}-\d{6}\.pdf$/);
    expect(service.resolveMedia(report.url)).toBe(report.path);
    const text = pdfText(report.path);
    expect(text).toContain('Candidate report');
    expect(text).toContain('José Núñez · 2 sessions');
    expect(text).toContain('Checklist items across sessions');
    // Final results per item: sessions, pass, fail, needs review, not applicable, overridden, mean score.
    // respect/lets-them-finish: one session analysed; one coach decided pass, one fail, so the
    // final result needs review (it used to list the automatic fail and each coach's call).
    expect(text).toMatch(/respect: Lets the customer finish 1 0 0 1 0 0 –/);
    // Warmth scored 4 and 3 (3 or more is a pass): a pass, no longer "needs review".
    expect(text).toMatch(/respect: Warmth 1 1 0 0 0 0 3\.5\/5/);
    // No hold in the call: not applicable, never a pass.
    expect(text).toMatch(/patience: Asks before putting the caller on hold 1 0 0 0 1 0 –/);
    expect(text).toContain(`Ana Ruiz overrode Fail → Pass: ${OVERRIDE_REASON}`);
    expect(text).toContain('20261120-093000-jose01');
    expect(text).toContain('20261121-140000-jose02');
    expect(text).not.toContain('Łukasz');
    expect(text).not.toContain('20261121-150000-other1');
    const page = ink(renderPage(report.path, 1, join(root, 'candidate-page')));
    expect(page.dark).toBeGreaterThan(0.01);
  });
});

describe('fonts', () => {
  it('prints non-Latin-1 names with an embedded Unicode font', async () => {
    const report = await service.api.createReport({ kind: 'session', sessionId: '20261121-150000-other1' });
    expect(pdfText(report.path)).toContain('Łukasz Wróbel');
  });

  it('falls back to the PDF built-in fonts: Western accents kept, others simplified', async () => {
    const out = join(root, 'standard');
    mkdirSync(out, { recursive: true });
    const opts = { dataDir, log: () => undefined, findScenario: () => undefined, fonts: { kind: 'standard' } as const };
    const jose = await createReport(opts, { kind: 'session', sessionId: first.id });
    expect(pdfText(jose.path)).toContain('José Núñez');
    expect(pdfText(jose.path)).toContain('Björn Larsen');
    const lukasz = await createReport(opts, { kind: 'session', sessionId: '20261121-150000-other1' });
    expect(pdfText(lukasz.path)).toContain('Lukasz Wróbel');
    expect(existsSync(lukasz.path)).toBe(true);
  });
});

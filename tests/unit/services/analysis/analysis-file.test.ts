import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisFilePath, readFindings, readFindingsSync, readSessionAnalysis, usableAnalysis } from '../../../../electron/services/analysis/analysis-file.js';
import { realAnalysisText } from '../../core/analysis/session-fixtures.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tryout-analysis-file-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function place(sessionId: string, text: string): void {
  const path = analysisFilePath(dataDir, sessionId);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('the one reader of analysis.json', () => {
  const text = realAnalysisText('file-session-1');
  place('session-good', text);
  place('session-damaged', text.replace('"status": "pass"', '"status": "maybe"'));
  place('session-truncated', text.slice(0, text.length / 2));

  it('reads a saved analysis whole, validated, and its findings alone for the library', async () => {
    const saved = await readSessionAnalysis(dataDir, 'session-good');
    expect(saved.state).toBe('analysed');
    if (saved.state !== 'analysed') return;
    expect(saved.analysis.sessionId).toBe('file-session-1');
    const findings = await readFindings(dataDir, 'session-good');
    expect(findings).toEqual({ ok: true, findings: saved.analysis.findings.map((f) => ({ checklist: f.checklist, item: f.item, title: f.title, kind: f.kind, status: f.status })) });
    expect(readFindingsSync(dataDir, 'session-good')).toEqual(findings);
  });

  it('tells "not analysed yet" from "damaged", and names what is wrong', async () => {
    expect(await readSessionAnalysis(dataDir, 'session-never-analysed')).toEqual({ state: 'not-analysed' });
    expect(await readFindings(dataDir, 'session-never-analysed')).toEqual({ ok: true, findings: null });
    const damaged = await readSessionAnalysis(dataDir, 'session-damaged');
    expect(damaged).toEqual({ state: 'unusable', reason: expect.stringMatching(/^analysis\.json is not a readable analysis \(findings\.\d+\.status: /) as unknown });
    expect((await readFindings(dataDir, 'session-damaged')).ok).toBe(false);
    expect((await readSessionAnalysis(dataDir, 'session-truncated')).state).toBe('unusable');
  });

  it('gives callers null for an unusable file and logs why, once per read', async () => {
    const logged: string[] = [];
    expect(await usableAnalysis(dataDir, 'session-damaged', (m) => logged.push(m), 'report')).toBeNull();
    expect(await usableAnalysis(dataDir, 'session-never-analysed', (m) => logged.push(m), 'report')).toBeNull();
    expect((await usableAnalysis(dataDir, 'session-good', (m) => logged.push(m), 'report'))?.sessionId).toBe('file-session-1');
    expect(logged).toEqual([expect.stringMatching(/^report: session-damaged: analysis\.json is not a readable analysis/) as unknown]);
  });
});

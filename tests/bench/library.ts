/**
 * Library bench: 10,000 sessions on disk (manifests and reviews, no audio), then the times of
 * the searchSessions path through the service: building the in-memory index, the first page,
 * searches, filters and sorts, and a saveReview followed by a search (the index kept current).
 * The goal for a page or a search is <= 100 ms. Files are in the OS page cache (just written).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput } from '../../core/api.js';
import { EMPTY_REVIEW_CONTENT } from '../../core/review/schema.js';
import { LibraryIndex } from '../../electron/services/review/library-index.js';
import { createTrainerService } from '../../electron/services/trainer-service.js';
import { generateSessions } from '../support/library-sessions.js';

const SESSIONS = 10_000;
const GOAL_MS = 100;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await run();
  return { ms: performance.now() - t0, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function libraryBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tryout-bench-library-'));
  const dataDir = join(root, 'data');
  try {
    const generated = await timed(async () => generateSessions(dataDir, SESSIONS));
    console.log(`library: wrote ${SESSIONS} sessions in ${generated.ms.toFixed(0)} ms`);
    const build = await timed(() => new LibraryIndex({ dataDir, log: () => undefined }).ready());
    console.log(`library: index build alone (manifests + reviews of ${SESSIONS} sessions): ${build.ms.toFixed(0)} ms`);
    const t0 = performance.now();
    const service = createTrainerService({ dataDir, scenariosDir: 'scenarios', transcriber: null, log: () => undefined });
    const api = service.api;
    try {
      const cold = await timed(() => api.searchSessions({}));
      console.log(`library: service start to first page (index built in the background meanwhile): ${(performance.now() - t0).toFixed(0)} ms (${cold.result.total} sessions)`);
      const figures: [string, ApiInput<'searchSessions'>][] = [
        ['first page (newest 50)', {}],
        ['search "ada" (name)', { query: 'ada' }],
        ['search "jose ruiz listening" (name + scenario)', { query: 'jose ruiz listening' }],
        ['search "c0420" (candidate id)', { query: 'c0420' }],
        ['filter reviewed + verdict hold', { reviewState: 'reviewed', verdict: 'hold' }],
        ['filter scenario + recovered', { scenarioId: 'not-listening', recovered: true }],
        ['sort by candidate, page 40', { sort: 'candidate', offset: 2000 }],
        ['sort by duration', { sort: 'duration' }],
        ['sort by review state', { sort: 'review-state' }],
        ['one candidate\'s sessions', { candidate: 'Ada Byron' }],
      ];
      for (const [label, query] of figures) {
        const runs: number[] = [];
        let total = 0;
        for (let i = 0; i < 20; i++) {
          const run = await timed(() => api.searchSessions(query));
          runs.push(run.ms);
          total = run.result.total;
        }
        const worst = Math.max(...runs);
        console.log(`library: ${label}: median ${median(runs).toFixed(1)} ms, max ${worst.toFixed(1)} ms (${total} matches)${worst > GOAL_MS ? `  OVER the ${GOAL_MS} ms goal` : ''}`);
      }
      const sessionId = cold.result.rows[0]?.sessionId ?? '';
      const update = await timed(async () => {
        await api.saveReview({ sessionId, coachName: 'Cy Bench', content: { ...EMPTY_REVIEW_CONTENT, verdict: 'hold' } });
        return api.searchSessions({ reviewState: 'reviewed', verdict: 'hold' });
      });
      const seen = update.result.rows.some((r) => r.sessionId === sessionId);
      console.log(`library: saveReview (fsync'd) then a search that shows it: ${update.ms.toFixed(1)} ms (${seen ? 'seen' : 'NOT seen'})`);
      const calibration = await timed(() => api.getCalibration({}));
      console.log(`library: getCalibration over every double-reviewed session: ${calibration.ms.toFixed(0)} ms (${calibration.result.sessions.length} sessions)`);
    } finally {
      await service.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

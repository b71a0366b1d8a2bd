import { readdir } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { indexRow, orderKey, pageOf, scenarioFacets, sortRows, type IndexedRow, type LibraryPage, type LibraryQuery, type ScenarioFacet } from '../../../core/library/library-query.js';
import { libraryRowOf, type LibraryRow } from '../../../core/library/library-row.js';
import type { ResultFinding } from '../../../core/result/session-result.js';
import type { Review } from '../../../core/review/schema.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { readFindings, readFindingsSync, type FindingsRead } from '../analysis/analysis-file.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import { readReviews, readReviewsSync } from './review-files.js';
import { isMissing, readManifest, readManifestSync, type ManifestRead } from '../session/session-files.js';
import { isSessionId, sessionPaths, sessionsRoot } from '../session/session-paths.js';

/** A row of the start-up scan with what its result needs, until its analysis is read. */
interface ScannedRow {
  readonly id: string;
  readonly manifest: SessionManifest;
  readonly reviews: readonly Review[];
  readonly indexed: IndexedRow;
}

export interface LibraryIndexOptions {
  readonly dataDir: string;
  readonly log: (message: string) => void;
}

/**
 * Sessions read per slice of the start-up scan. The scan reads synchronously (on 2 cores that is
 * about 4x faster than thousands of small async reads) and yields between slices so that other
 * calls, a live call's audio included, wait one slice (a few ms) at most.
 */
const SCAN_SLICE = 100;

/**
 * The library in memory: one row per session (manifest + the session's result from its reviews
 * and analysis.json), built from disk once (the service starts it at start-up) and then kept
 * current by `refresh(sessionId)` whenever a session is created, finished, analysed, reviewed or
 * imported, so a search never re-reads thousands of folders.
 */
export class LibraryIndex {
  private rows: Map<string, IndexedRow> | null = null;
  private building: Promise<Map<string, IndexedRow>> | null = null;
  /** Cached between changes: the rows, each ordering asked for so far, and the scenario facet. */
  private snapshot: { rows: IndexedRow[]; orders: Map<string, IndexedRow[]>; scenarios: ScenarioFacet[] } | null = null;
  private readonly refreshes = new KeyedQueue();
  /** Sessions changed while the first build was scanning; it re-reads them before it is done. */
  private readonly changedDuringBuild = new Set<string>();
  private readonly reported = new Set<string>();
  /** The start-up scan's second pass (analysis.json of each session), once the rows are built. */
  private results: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LibraryIndexOptions) {}

  /** Builds the index if it is not built yet; resolves when it is. */
  async ready(): Promise<void> {
    await this.built();
  }

  private built(): Promise<Map<string, IndexedRow>> {
    if (this.rows) return Promise.resolve(this.rows);
    this.building ??= this.build().catch((error: unknown) => {
      this.building = null;
      throw error;
    });
    return this.building;
  }

  private async build(): Promise<Map<string, IndexedRow>> {
    let names: string[];
    try {
      names = await readdir(sessionsRoot(this.opts.dataDir));
    } catch (error) {
      if (!isMissing(error)) throw error;
      names = [];
    }
    const ids = names.filter(isSessionId);
    const rows = new Map<string, IndexedRow>();
    const scanned: ScannedRow[] = [];
    for (let start = 0; start < ids.length; start += SCAN_SLICE) {
      if (start > 0) await nextTurn();
      for (const id of ids.slice(start, start + SCAN_SLICE)) {
        const read = readManifestSync(sessionPaths(this.opts.dataDir, id).manifest, id);
        if (this.usable(id, read)) {
          const reviews = readReviewsSync(this.opts.dataDir, id, this.opts.log, this.reported);
          const indexed = indexRow(libraryRowOf(read.manifest, reviews));
          rows.set(id, indexed);
          scanned.push({ id, manifest: read.manifest, reviews, indexed });
        }
      }
    }
    while (this.changedDuringBuild.size > 0) {
      const changed = [...this.changedDuringBuild];
      this.changedDuringBuild.clear();
      for (const id of changed) {
        const row = await this.readRow(id);
        if (row) rows.set(id, indexRow(row));
        else rows.delete(id);
      }
    }
    // Set in the same turn as the last check above, so no change can fall between the two.
    this.rows = rows;
    this.snapshot = null;
    this.results = this.readResults(rows, scanned);
    return rows;
  }

  /**
   * The second pass of the start-up scan: each session's analysis.json, for its result. It runs
   * after the rows are searchable (reading 10,000 analyses would about double the wait for the
   * first page), a slice at a time; until a row's turn comes it shows as not analysed.
   */
  private async readResults(rows: Map<string, IndexedRow>, scanned: readonly ScannedRow[]): Promise<void> {
    for (let start = 0; start < scanned.length; start += SCAN_SLICE) {
      await nextTurn();
      let changed = false;
      for (const s of scanned.slice(start, start + SCAN_SLICE)) {
        // Refreshed (or removed) since the scan: that read had the analysis already.
        if (rows.get(s.id) !== s.indexed) continue;
        const findings = this.findingsOf(s.id, readFindingsSync(this.opts.dataDir, s.id));
        if (findings === null) continue;
        rows.set(s.id, indexRow(libraryRowOf(s.manifest, s.reviews, findings)));
        changed = true;
      }
      if (changed) this.snapshot = null;
    }
  }

  /** Resolves when every session's result has been read after the start-up scan (tests, bench). */
  async resultsRead(): Promise<void> {
    await this.built();
    await this.results;
  }

  /** Whether the manifest read is good; a damaged one is logged (once). */
  private usable(sessionId: string, read: ManifestRead): read is Extract<ManifestRead, { ok: true }> {
    if (read.ok) return true;
    const message = `library: skipping ${sessionId}: ${read.reason}`;
    if (!read.missing && !this.reported.has(message)) {
      this.reported.add(message);
      this.opts.log(message);
    }
    return false;
  }

  /** The findings read, or null (shown as not analysed) when analysis.json is damaged (logged once). */
  private findingsOf(sessionId: string, read: FindingsRead): ResultFinding[] | null {
    if (read.ok) return read.findings;
    const message = `library: ${sessionId}: ${read.reason}; its result is left out`;
    if (!this.reported.has(message)) {
      this.reported.add(message);
      this.opts.log(message);
    }
    return null;
  }

  /** The row of one session from disk, or null when it has no readable manifest. */
  private async readRow(sessionId: string): Promise<LibraryRow | null> {
    const read = await readManifest(sessionPaths(this.opts.dataDir, sessionId).manifest, sessionId);
    if (!this.usable(sessionId, read)) return null;
    const [reviews, findings] = await Promise.all([readReviews(this.opts.dataDir, sessionId, this.opts.log, this.reported), readFindings(this.opts.dataDir, sessionId)]);
    return libraryRowOf(read.manifest, reviews, this.findingsOf(sessionId, findings));
  }

  /**
   * Re-reads one session after it changed on disk (created, finished, reviewed, imported,
   * removed). Once this resolves, the next search shows the change.
   */
  async refresh(sessionId: string): Promise<void> {
    sessionPaths(this.opts.dataDir, sessionId); // refuses a bad id
    if (!this.rows) {
      // The build in progress (or the first one) reads it; the caller need not wait for the scan.
      if (this.building) this.changedDuringBuild.add(sessionId);
      return;
    }
    const rows = this.rows;
    await this.refreshes.run(sessionId, async () => {
      const row = await this.readRow(sessionId);
      if (row) rows.set(sessionId, indexRow(row));
      else rows.delete(sessionId);
      this.snapshot = null;
    });
  }

  async search(query: LibraryQuery): Promise<LibraryPage> {
    const rows = await this.built();
    this.snapshot ??= { rows: [...rows.values()], orders: new Map(), scenarios: scenarioFacets(rows.values()) };
    const key = orderKey(query);
    let sorted = this.snapshot.orders.get(key);
    if (!sorted) this.snapshot.orders.set(key, (sorted = sortRows(this.snapshot.rows, query)));
    return pageOf(sorted, query, this.snapshot.scenarios);
  }

  /** The indexed row of a session, or undefined. */
  async row(sessionId: string): Promise<LibraryRow | undefined> {
    return (await this.built()).get(sessionId)?.row;
  }

  /** Resolves when a build in progress has settled (at shutdown). */
  async idle(): Promise<void> {
    await this.building?.catch(() => undefined);
    await this.results.catch(() => undefined);
    await this.refreshes.idle();
  }

  /** Every indexed row (unsorted). */
  async all(): Promise<LibraryRow[]> {
    return [...(await this.built()).values()].map((r) => r.row);
  }
}

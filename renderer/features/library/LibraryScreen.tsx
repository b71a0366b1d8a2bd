import { useState } from 'react';
import { useStore } from '../../store/index.js';
import { SessionDetailView } from '../sessions/SessionDetailView.js';
import { BundleStatus } from './BundleStatus.js';
import { CalibrationView } from './CalibrationView.js';
import { CompareView } from './CompareView.js';
import { LibraryFilters } from './LibraryFilters.js';
import { LibraryTable } from './LibraryTable.js';
import { Pager } from './Pager.js';
import { ReportLink } from './ReportLink.js';
import { SelectionActions } from './SelectionActions.js';
import { useBundles } from './use-bundles.js';
import { anyFilter, PAGE_SIZE, useLibrary } from './use-library.js';
import { useOpenSession } from './use-open-session.js';
import { useCalibration, useComparison } from './use-comparison.js';
import { useReport } from './use-report.js';
import { useTryoutDays } from './use-tryout-days.js';

type Tab = 'sessions' | 'calibration';

/** The coach's library: every session, searchable and sortable; compare, export, report; calibration. */
export function LibraryScreen() {
  const [tab, setTab] = useState<Tab>('sessions');
  return (
    <section className="library" aria-labelledby="library-title">
      <div className="section-head">
        <h2 id="library-title">Sessions</h2>
        <div className="tabs" role="group" aria-label="View">
          <button type="button" className={tab === 'sessions' ? 'nav current' : 'nav'} aria-pressed={tab === 'sessions'} onClick={() => setTab('sessions')} data-testid="tab-sessions">
            All sessions
          </button>
          <button type="button" className={tab === 'calibration' ? 'nav current' : 'nav'} aria-pressed={tab === 'calibration'} onClick={() => setTab('calibration')} data-testid="tab-calibration">
            Calibration
          </button>
        </div>
      </div>
      {tab === 'sessions' ? <SessionsTab /> : <CalibrationTab />}
    </section>
  );
}

function SessionsTab() {
  const lib = useLibrary();
  const openReview = useStore((s) => s.openReview);
  const opened = useOpenSession();
  const bundles = useBundles(lib.refresh);
  const report = useReport();
  const tryouts = useTryoutDays();
  const [comparing, setComparing] = useState<readonly string[] | null>(null);
  const picked = [...lib.selected.values()];
  const candidates = new Set(picked.map((r) => r.candidateName.trim().toLowerCase()));
  const oneCandidate = candidates.size === 1 ? (picked[0]?.candidateName ?? null) : null;
  const rows = lib.page?.rows ?? [];
  return (
    <>
      <LibraryFilters
        typed={lib.typed}
        filters={lib.filters}
        scenarios={lib.page?.scenarios ?? []}
        tryouts={tryouts}
        coachName={lib.coachName}
        onType={lib.setTyped} onFilter={lib.filter} onClear={lib.clearFilters} />
      <SelectionActions
        count={picked.length}
        candidate={oneCandidate}
        bundle={bundles.view}
        reportBusy={report.view.busy}
        onCompare={() => setComparing(picked.map((r) => r.sessionId))}
        onExport={() => void bundles.exportBundle(picked.map((r) => r.sessionId))}
        onImport={(file) => void bundles.importBundle(file)}
        onSessionReport={() => picked[0] && void report.make({ kind: 'session', sessionId: picked[0].sessionId })}
        onCandidateReport={() => oneCandidate && void report.make({ kind: 'candidate', candidateName: oneCandidate })}
        onClear={lib.clearSelection}
      />
      <BundleStatus view={bundles.view} />
      <ReportLink view={report.view} />
      {lib.error && <p role="alert" className="banner error">{lib.error}</p>}
      {comparing && <CompareSection sessionIds={comparing} onReview={openReview} onClose={() => setComparing(null)} />}
      {lib.page && lib.page.total === 0 && lib.offset === 0 ? (
        <p className="muted" data-testid="library-empty">
          {anyFilter(lib.typed, lib.filters)
            ? 'No session matches. Clear the filters to see them all.'
            : 'No sessions yet. Take a call and it will be listed here.'}
        </p>
      ) : (
        <>
          <LibraryTable rows={rows} sort={lib.sort} selected={lib.selected} openId={opened.openId} coachName={lib.coachName} onSort={lib.sortBy} onToggle={lib.toggle} onOpen={opened.open} onReview={openReview} />
          {lib.page && <Pager offset={lib.offset} shown={rows.length} total={lib.page.total} pageSize={PAGE_SIZE} onGo={lib.goTo} />}
        </>
      )}
      {opened.error && <p role="alert" className="banner error">{opened.error}</p>}
      {opened.openId && opened.detail && <SessionDetailView detail={opened.detail} recordingUrl={opened.recordingUrl(opened.openId)} />}
    </>
  );
}

function CompareSection({ sessionIds, onReview, onClose }: { sessionIds: readonly string[]; onReview: (id: string) => void; onClose: () => void }) {
  const r = useComparison(sessionIds);
  if (r.error) return <p role="alert" className="banner error">The sessions could not be compared: {r.error}</p>;
  if (!r.data) return <p className="muted">Comparing…</p>;
  return <CompareView comparison={r.data} onReview={onReview} onClose={onClose} />;
}

function CalibrationTab() {
  const openReview = useStore((s) => s.openReview);
  const r = useCalibration();
  if (r.error) return <p role="alert" className="banner error">The calibration could not be worked out: {r.error}</p>;
  if (!r.data) return <p className="muted">Working out the agreement…</p>;
  return <CalibrationView calibration={r.data} onReview={openReview} />;
}

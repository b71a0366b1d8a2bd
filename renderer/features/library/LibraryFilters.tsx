import type { ScenarioFacet } from '../../../core/library/library-query.js';
import { SESSION_OUTCOMES, type ReviewedBy, type SessionOutcome } from '../../../core/library/library-triage.js';
import { VERDICTS, type Verdict } from '../../../core/review/schema.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import { VERDICT_LABEL } from '../review/VerdictPicker.js';
import { OUTCOME_LABEL } from './labels.js';
import { anyFilter, type LibraryFilters as Filters, type ReviewStateFilter } from './use-library.js';

export interface LibraryFiltersProps {
  readonly typed: string;
  readonly filters: Filters;
  readonly scenarios: readonly ScenarioFacet[];
  /** The saved tryouts, for the tryout-day filter. */
  readonly tryouts: readonly Tryout[];
  /** The coach using the app ('' before they first reviewed): "by me" needs it. */
  readonly coachName: string;
  readonly onType: (text: string) => void;
  readonly onFilter: (change: Partial<Filters>) => void;
  readonly onClear: () => void;
}

const REVIEW_STATES: Record<ReviewStateFilter, string> = { unreviewed: 'Unreviewed', 'in-review': 'In review', reviewed: 'Reviewed' };

/** Search box and filters above the library table. Props only. */
export function LibraryFilters({ typed, filters, scenarios, tryouts, coachName, onType, onFilter, onClear }: LibraryFiltersProps) {
  const any = anyFilter(typed, filters);
  return (
    <div className="library-filters" role="search">
      <label className="filter search">
        <span>Search</span>
        <input type="search" value={typed} placeholder="Candidate or scenario" onChange={(e) => onType(e.target.value)} data-testid="library-search" />
      </label>
      <label className="filter">
        <span>Scenario</span>
        <select value={filters.scenarioId ?? ''} onChange={(e) => onFilter({ scenarioId: e.target.value || null })} data-testid="filter-scenario">
          <option value="">All</option>
          {scenarios.map((s) => (
            <option key={s.scenarioId} value={s.scenarioId}>
              {s.title} ({s.sessions})
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Result</span>
        <select value={filters.result ?? ''} onChange={(e) => onFilter({ result: (e.target.value || null) as SessionOutcome | null })} data-testid="filter-result">
          <option value="">Any</option>
          {SESSION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABEL[o]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Reviewed by</span>
        <select value={filters.reviewedBy ?? ''} onChange={(e) => onFilter({ reviewedBy: (e.target.value || null) as ReviewedBy | null })} data-testid="filter-reviewed-by">
          <option value="">Anyone</option>
          <option value="me" disabled={!coachName} title={coachName ? undefined : 'Review a session first: the app then knows your name'}>
            {coachName ? `Me (${coachName})` : 'Me'}
          </option>
          <option value="others" disabled={!coachName}>
            Only others
          </option>
          <option value="nobody">Nobody yet</option>
        </select>
      </label>
      <label className="filter">
        <span>Overridden</span>
        <select
          value={filters.overridden === null ? '' : filters.overridden ? 'yes' : 'no'}
          onChange={(e) => onFilter({ overridden: e.target.value === '' ? null : e.target.value === 'yes' })}
          data-testid="filter-overridden"
        >
          <option value="">Either</option>
          <option value="yes">A coach overrode a check</option>
          <option value="no">No override</option>
        </select>
      </label>
      {tryouts.length > 0 && (
        <label className="filter">
          <span>Tryout day</span>
          <select value={filters.tryoutId ?? ''} onChange={(e) => onFilter({ tryoutId: e.target.value || null })} data-testid="filter-tryout">
            <option value="">Any</option>
            {tryouts.map((t) => (
              <option key={t.id} value={t.id}>
                {t.date} · {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="filter">
        <span>Review</span>
        <select value={filters.reviewState ?? ''} onChange={(e) => onFilter({ reviewState: (e.target.value || null) as ReviewStateFilter | null })} data-testid="filter-review">
          <option value="">Any</option>
          {Object.entries(REVIEW_STATES).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Verdict</span>
        <select value={filters.verdict ?? ''} onChange={(e) => onFilter({ verdict: (e.target.value || null) as Verdict | null })} data-testid="filter-verdict">
          <option value="">Any</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Recovered</span>
        <select
          value={filters.recovered === null ? '' : filters.recovered ? 'yes' : 'no'}
          onChange={(e) => onFilter({ recovered: e.target.value === '' ? null : e.target.value === 'yes' })}
          data-testid="filter-recovered"
        >
          <option value="">Either</option>
          <option value="yes">Recovered only</option>
          <option value="no">Not recovered</option>
        </select>
      </label>
      {any && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

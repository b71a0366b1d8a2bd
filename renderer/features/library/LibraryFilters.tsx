import type { ScenarioFacet } from '../../../core/library/library-query.js';
import { VERDICTS, type Verdict } from '../../../core/review/schema.js';
import { VERDICT_LABEL } from '../review/VerdictPicker.js';
import type { LibraryFilters as Filters, ReviewStateFilter } from './use-library.js';

export interface LibraryFiltersProps {
  readonly typed: string;
  readonly filters: Filters;
  readonly scenarios: readonly ScenarioFacet[];
  readonly onType: (text: string) => void;
  readonly onFilter: (change: Partial<Filters>) => void;
  readonly onClear: () => void;
}

const REVIEW_STATES: Record<ReviewStateFilter, string> = { unreviewed: 'Unreviewed', 'in-review': 'In review', reviewed: 'Reviewed' };

/** Search box and filters above the library table. Props only. */
export function LibraryFilters({ typed, filters, scenarios, onType, onFilter, onClear }: LibraryFiltersProps) {
  const any = typed !== '' || filters.scenarioId !== null || filters.reviewState !== null || filters.verdict !== null || filters.recovered !== null;
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

import type { ChecklistTrend } from '../../../core/practice/checklist-trends.js';
import { ChecklistChart } from './ChecklistChart.js';
import { percent, shortDate } from './format.js';
import { bestText, chartDescription, latestText } from './progress-text.js';

/** One checklist: its personal best and latest score in words, the small chart, and the same figures as a table. */
export function ChecklistCard({ trend, title }: { readonly trend: ChecklistTrend; readonly title: string }) {
  const headingId = `progress-checklist-${trend.checklist}`;
  return (
    <section className="checklist-card" aria-labelledby={headingId} data-testid="checklist-progress" data-checklist={trend.checklist}>
      <h4 id={headingId}>{title}</h4>
      <div>
        <p className="checklist-best" data-testid="personal-best" data-session-id={trend.best?.sessionId ?? ''}>
          <span aria-hidden="true">★</span> {bestText(trend)}
        </p>
        <p className="checklist-latest muted">{latestText(trend)}</p>
      </div>
      <ChecklistChart trend={trend} description={chartDescription(title, trend)} />
      <details className="checklist-table">
        <summary>Show as a table</summary>
        <table data-testid="checklist-table">
          <caption>{title}, attempt by attempt</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Scenario</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.sessionId} data-testid="checklist-attempt" data-session-id={p.sessionId}>
                <td className="nowrap">{shortDate(p.createdAt)}</td>
                <td>{p.scenarioTitle}</td>
                <td className="nowrap">
                  {percent(p.score)} ({p.passed} of {p.decided}){p.sessionId === trend.best?.sessionId ? ' · best' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

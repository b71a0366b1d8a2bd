import type { PracticeProgress } from '../../../core/practice/progress.js';
import { STATUS_LABEL } from '../findings/labels.js';
import { percent, shortDate } from './format.js';

/** The chart's data as a table: one row per attempt, one column per checklist item, pass rates last. */
export function ProgressTable({ progress }: { progress: PracticeProgress }) {
  return (
    <div className="table-scroll">
      <table className="progress-table" data-testid="progress-table">
        <caption>Each attempt, oldest first: the result of every checklist item (a coach&apos;s call over the automatic one)</caption>
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Date</th>
            <th scope="col">Scenario</th>
            {progress.items.map((item) => (
              <th scope="col" key={item.key}>
                {item.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.attempts.map((attempt, i) => (
            <tr key={attempt.sessionId} data-testid="progress-attempt" data-session-id={attempt.sessionId}>
              <th scope="row">#{i + 1}</th>
              <td className="nowrap">{shortDate(attempt.createdAt)}</td>
              <td>{attempt.scenarioTitle}</td>
              {progress.items.map((item) => {
                const status = attempt.statuses[item.key];
                return (
                  <td key={item.key} data-item={item.key} className={status ? `result result-${status}` : 'result muted'}>
                    {status ? STATUS_LABEL[status] : attempt.analysed ? 'Not checked' : 'Not analysed yet'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Pass rate (needs-review and not-applicable not counted)
            </th>
            {progress.items.map((item) => (
              <td key={item.key} data-item={item.key} data-testid="progress-pass-rate">
                {percent(item.passRate.at(-1) ?? null)} ({item.passes} of {item.passes + item.fails})
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

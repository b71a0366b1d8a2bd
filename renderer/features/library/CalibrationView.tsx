import type { Calibration, ItemCalibration } from '../../../core/review/calibration.js';

export interface CalibrationViewProps {
  readonly calibration: Calibration;
  readonly onReview: (sessionId: string) => void;
}

const percentText = (p: number | null) => (p === null ? '—' : `${Math.round(p)}%`);
const kappaText = (k: number | null) => (k === null ? '—' : k.toFixed(2));

/** Agreement of one item: the one pair's, or the mean over pairs when more than two coaches rated it. */
function agreementOf(item: ItemCalibration): { percent: number | null; kappa: number | null; note: string | null } {
  if (item.average) return { percent: item.average.percent, kappa: item.average.kappa, note: item.average.kappaNote ?? `mean of ${item.average.pairs} pairs` };
  const pair = item.pairs[0];
  return pair ? { percent: pair.percent, kappa: pair.kappa, note: pair.kappaNote } : { percent: null, kappa: null, note: null };
}

function ItemRow({ item }: { item: ItemCalibration }) {
  const a = agreementOf(item);
  return (
    <tr data-testid="calibration-item" data-key={item.key}>
      <th scope="row">{item.title}</th>
      <td className="num">{item.sessions}</td>
      <td className="num">{percentText(a.percent)}</td>
      <td className="num" title={a.note ?? undefined}>
        {kappaText(a.kappa)}
        {a.kappa === null && a.note ? <span className="small muted"> *</span> : null}
      </td>
      <td className="num">{item.disagreements}</td>
    </tr>
  );
}

/** How far coaches agree per checklist item (percent and Cohen's kappa), and where they differ. Props only. */
export function CalibrationView({ calibration, onReview }: CalibrationViewProps) {
  const { sessions, coaches, items, verdict, disagreements } = calibration;
  if (sessions.length === 0)
    return (
      <p className="muted" data-testid="calibration-empty">
        Calibration needs sessions with finished reviews (a verdict) from at least two coaches. None yet.
      </p>
    );
  return (
    <section className="calibration" data-testid="calibration-view" aria-labelledby="calibration-title">
      <h3 id="calibration-title">Agreement between coaches</h3>
      <p className="small muted">
        {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'} reviewed by {coaches.map((c) => c.name).join(', ')}. Kappa corrects the agreement for chance: 1 is full agreement, 0 what chance would give.
      </p>
      <div className="table-scroll">
        <table className="session-table calibration-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Sessions</th>
              <th scope="col">Agreement</th>
              <th scope="col">Kappa</th>
              <th scope="col">Disagreements</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ItemRow key={item.key} item={item} />
            ))}
            <ItemRow item={{ ...verdict, title: 'Verdict' }} />
          </tbody>
        </table>
      </div>
      {[...items, verdict].some((i) => agreementOf(i).kappa === null) && (
        <p className="small muted">* Kappa is undefined when every session got the same rating from both coaches (chance alone would agree); hover the dash for why.</p>
      )}
      <h4>Where coaches disagree</h4>
      {disagreements.length === 0 ? (
        <p className="muted small">Nowhere: every rating matches.</p>
      ) : (
        <ul className="disagreements">
          {disagreements.map((d) => (
            <li key={`${d.sessionId}/${d.key}`} data-testid="disagreement">
              <button type="button" className="link-button" onClick={() => onReview(d.sessionId)} data-testid="open-disagreement">
                {d.candidateName} · {d.scenarioTitle}
              </button>{' '}
              <b>{d.title}</b>:{' '}
              {d.ratings.map((r) => (
                <span key={r.coach.id} className="coach-cell" title={r.reason || undefined}>
                  {r.coach.name}: {r.rating}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

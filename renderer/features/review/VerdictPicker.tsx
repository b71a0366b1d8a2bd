import { VERDICTS, type Verdict } from '../../../core/review/schema.js';

export const VERDICT_LABEL: Record<Verdict, string> = { advance: 'Advance', hold: 'Hold', 'not-a-fit': 'Not a fit' };

/** The coach's decision on the candidate for this session. */
export function VerdictPicker({ verdict, onChange }: { verdict: Verdict | null; onChange: (v: Verdict | null) => void }) {
  return (
    <fieldset className="verdict" data-testid="verdict" data-verdict={verdict ?? ''}>
      <legend>Verdict</legend>
      {VERDICTS.map((v) => (
        <label key={v} className={`radio verdict-choice verdict-${v}`}>
          <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => onChange(v)} data-testid={`verdict-${v}`} />
          {VERDICT_LABEL[v]}
        </label>
      ))}
      {verdict && (
        <button type="button" className="link-button small" onClick={() => onChange(null)}>
          Undecided
        </button>
      )}
    </fieldset>
  );
}

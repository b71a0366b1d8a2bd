import type { ScenarioProblem } from '../../core/scenario/schema.js';

/** Scenario files that failed to load, one `file:line:col: message` per problem. */
export function ProblemList({ problems }: { problems: readonly ScenarioProblem[] }) {
  return (
    <section className="problems" aria-labelledby="problems-title" data-testid="scenario-problems">
      <h3 id="problems-title">Some scenario files have problems</h3>
      <p className="small">Files with errors are not offered. A missing clip is read by the system voice instead.</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>
              {p.file}:{p.line}:{p.col}
            </code>{' '}
            {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Transcript({ lines }: { lines: readonly { who: 'customer' | 'trainee'; text: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <section className="transcript" aria-label="Call so far">
      <h3>Call so far</h3>
      <ol>
        {lines.map((l, i) => (
          <li key={i} className={l.who}>
            <span className="who">{l.who === 'customer' ? 'Customer' : 'You'}</span> {l.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

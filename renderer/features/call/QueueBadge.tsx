/** The "callers waiting" counter: pressure the trainee is meant to notice (and stay patient under). */
export function QueueBadge({ count }: { count: number }) {
  return (
    <span className="queue-badge" data-testid="queue-badge" data-count={count} title="Other callers waiting in the queue">
      Callers waiting: {/* The key replays the bump animation each time the number climbs. */}
      <b key={count}>{count}</b>
    </span>
  );
}

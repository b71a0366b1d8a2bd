import { useEffect, useState } from 'react';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export function HoldTimer({ startedAt, seconds }: { startedAt: number; seconds: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const elapsed = Math.min(seconds, (now - startedAt) / 1000);
  return (
    <p className="hold-timer" data-testid="hold-timer">
      On hold {clock(elapsed)} of {clock(seconds)}. Check back in with the customer regularly.
    </p>
  );
}

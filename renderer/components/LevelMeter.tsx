/** A horizontal microphone level meter from -60 dBFS to 0 dBFS. */
export function LevelMeter({ db, label }: { db: number; label: string }) {
  const clamped = Math.max(-60, Math.min(0, Number.isFinite(db) ? db : -60));
  const percent = Math.round(((clamped + 60) / 60) * 100);
  return (
    <div className="level-meter" role="meter" aria-label={label} aria-valuemin={-60} aria-valuemax={0} aria-valuenow={Math.round(clamped)} data-testid="level-meter">
      <div className={percent > 90 ? 'level-fill hot' : 'level-fill'} style={{ width: `${percent}%` }} />
    </div>
  );
}

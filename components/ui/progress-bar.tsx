/** A progress bar that also says its value in text. */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="progress">
      <progress max={100} value={clamped} aria-label={label ?? `Progress ${clamped}%`} />
      <span className="progress-text">{clamped}%</span>
    </span>
  );
}

import { useFormatter, useTranslations } from "next-intl";

/** A progress bar that also says its value in text (12 %, in French). */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const t = useTranslations("common");
  const format = useFormatter();
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="progress">
      <progress max={100} value={clamped} aria-label={label ?? t("progress", { value: clamped })} />
      <span className="progress-text">{format.number(clamped / 100, "percent")}</span>
    </span>
  );
}

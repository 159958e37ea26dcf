import { formatProgress, formatShare, type Figures } from "@/server/shared/figures";

/** The headline figures of a report, as a definition list (words first, then the number). */
export function FigureTiles({ figures, unit, scoreLabel = "Mean progress" }: { figures: Figures; unit: string; scoreLabel?: string }) {
  return (
    <dl className="figure-tiles">
      <div>
        <dt>{unit}</dt>
        <dd>{figures.commitments}</dd>
      </div>
      <div>
        <dt>Counted</dt>
        <dd>{figures.counted}</dd>
      </div>
      <div>
        <dt>{scoreLabel}</dt>
        <dd>{formatProgress(figures.meanProgress)}</dd>
      </div>
      <div>
        <dt>Share implemented</dt>
        <dd>{formatShare(figures.shareImplemented)}</dd>
      </div>
    </dl>
  );
}

import { FIGURE_DEFINITIONS } from "@/server/shared/figures";

export type FigureKey = keyof typeof FIGURE_DEFINITIONS;

/** How the figures on the page are computed, in words (the same definitions the exports carry). */
export function FigureNotes({ keys }: { keys: FigureKey[] }) {
  return (
    <details className="figure-notes">
      <summary>How these figures are computed</summary>
      <ul>
        {keys.map((key) => (
          <li key={key}>{FIGURE_DEFINITIONS[key]}</li>
        ))}
      </ul>
    </details>
  );
}

"use client";

import { useState } from "react";
import { DateTime } from "@/components/ui/dates";
import type { TConflict } from "@/components/review/review-links";

/** A stale action: nothing was saved; say who changed the record and when, and offer a reload. */
export function ConflictAlert({ conflict, what, onReload }: { conflict: TConflict; what: string; onReload: () => Promise<void> }) {
  const [reloading, setReloading] = useState(false);
  return (
    <div role="alert" className="alert alert-warning stack review-conflict">
      <p className="review-flush">
        <strong>
          {what} by {conflict.changedBy ?? "someone else"}
        </strong>{" "}
        at <DateTime value={conflict.changedAt} />. Nothing was saved; what you typed is kept. Reload to see where it stands.
      </p>
      <div>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={reloading}
          onClick={async () => {
            setReloading(true);
            try {
              await onReload();
            } finally {
              setReloading(false);
            }
          }}
        >
          {reloading ? "Reloading…" : "Reload"}
        </button>
      </div>
    </div>
  );
}

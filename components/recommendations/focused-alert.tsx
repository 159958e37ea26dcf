"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * An alert that takes focus when it appears, so a message about a failed save is seen (and read)
 * even when the button that caused it is far below.
 */
export function FocusedAlert({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={className}>
      {children}
    </div>
  );
}

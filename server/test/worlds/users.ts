import { expect } from "vitest";

// The account tests' shared pieces: a new password, and the check that no password hash is ever audited.

export const NEW_PASSWORD = "a brand new passphrase";

export function expectNoHashIn(events: { before: unknown; after: unknown }[]) {
  for (const event of events) {
    expect(JSON.stringify(event.before ?? null)).not.toContain("$argon2");
    expect(JSON.stringify(event.after ?? null)).not.toContain("$argon2");
  }
}

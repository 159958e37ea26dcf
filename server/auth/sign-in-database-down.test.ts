import { expect, it } from "vitest";

it("T20 sign-in while the database is down says the service is unavailable, with no internals", async () => {
  // This file's app modules talk to a port where no PostgreSQL listens.
  process.env.DATABASE_URL = "postgresql://app:secret@127.0.0.1:1/tracker";
  const { signInThroughNextAuth } = await import("@/server/test/next-auth");
  const answer = await signInThroughNextAuth({ email: "someone@test.example", password: "a password of some length" });
  expect(answer.error).toBe("ServiceUnavailable");
  expect(answer.redirect).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|prisma|secret/i);
  expect(answer.sessionToken).toBeNull();
});

import { expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AccountLockedError, authenticate } from "@/server/auth/authenticate";
import { TEST_PASSWORD, createTestUser } from "@/server/test/factories";

it("T09 parallel guesses: 50 wrong passwords at once record at most 5 failures and lock the account", async () => {
  const user = await createTestUser({ role: "ANALYST" });
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, index) => authenticate({ email: user.email, password: `wrong-${index}` }, null)),
  );
  const failures = await db.loginAttempt.count({ where: { email: user.email, outcome: "FAILED" } });
  expect(failures).toBeLessThanOrEqual(5);
  const locked = results.filter((result) => result.status === "rejected" && result.reason instanceof AccountLockedError);
  expect(locked.length).toBeGreaterThanOrEqual(45);
  await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, null)).rejects.toBeInstanceOf(AccountLockedError);
});

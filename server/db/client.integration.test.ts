// One connection runs one query at a time: Prisma's adapter starts a transaction's nested reads
// together on the transaction's connection, which pg (8.19 on) reports as deprecated and pg 9 will
// refuse. The pool's connections queue them, so nothing is printed and nothing will break.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createPublishedCommitments } from "@/server/test/factories";

describe("the database client", () => {
  it("runs a transaction's read of several relations without overlapping queries on its connection", async () => {
    const { recommendation } = await createPublishedCommitments(["AT", "FR"]);
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on("warning", listen);
    try {
      const read = await db.$transaction(async (tx) =>
        tx.recommendation.findUniqueOrThrow({
          where: { id: recommendation.id },
          select: { id: true, translations: { select: { locale: true } }, themes: { select: { themeId: true } }, commitments: { select: { stateId: true } } },
        }),
      );
      expect(read.commitments).toHaveLength(2);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listen);
    }
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});

import "server-only";
import { Prisma } from "@/prisma/generated/client";

const LOCK_MODES = { update: Prisma.raw("FOR UPDATE"), share: Prisma.raw("FOR SHARE") } as const;

/**
 * Locks a status scale's row until the transaction ends: `update` while its statuses change,
 * `share` while a recommendation starts using it (so its statuses cannot be removed meanwhile).
 */
export const lockScaleSql = (scaleId: string, mode: keyof typeof LOCK_MODES) =>
  Prisma.sql`SELECT "id" FROM "StatusScale" WHERE "id" = ${scaleId}::uuid ${LOCK_MODES[mode]}`;

import "server-only";
import { Prisma } from "@/prisma/generated/client";

/** The active administrators, locked until the transaction ends. */
export const lockActiveAdminsSql = () => Prisma.sql`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" = true FOR UPDATE`;

import "server-only";
import { Prisma } from "@/prisma/generated/client";

/** The accounts with these emails, with their password hashes. */
export const accountsByEmailSql = (emails: string[]) =>
  Prisma.sql`SELECT id, email, "passwordHash" FROM "User" WHERE email = ANY(${emails}::text[]) ORDER BY email`;

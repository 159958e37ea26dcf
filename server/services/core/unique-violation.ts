// Unique-index violations, however they arrive: Prisma's P2002 (its own queries) or PostgreSQL's
// 23505 (raw SQL on the pool) or the driver adapter's UniqueConstraintViolation, possibly wrapped as
// the cause of another error.

type ErrorFields = { code?: unknown; kind?: unknown; constraint?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: unknown } } } } };

/** The name of the violated constraint or index, when the error carries one. */
function violatedConstraint({ constraint, meta }: ErrorFields): string | null {
  if (typeof constraint === "string") return constraint;
  const index = meta?.driverAdapterError?.cause?.constraint?.index;
  if (typeof index === "string") return index;
  return typeof meta?.target === "string" ? meta.target : null;
}

/**
 * Whether an error (or one of its causes) is a unique violation; with `constraint`, of that
 * constraint or index (an error that names none is taken to be about it).
 */
import "server-only";
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const fields = current as ErrorFields;
    if (fields.code === "23505" || fields.code === "P2002" || fields.kind === "UniqueConstraintViolation") {
      const violated = violatedConstraint(fields);
      return constraint === undefined || violated === null || violated === constraint;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

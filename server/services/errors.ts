export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "UNAUTHORIZED";

/**
 * A refusal by the rules of the domain. Services throw it; only the API layer turns it into a
 * protocol error. `fieldErrors` names form fields for the client to show next to them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: { fieldErrors?: Record<string, string[]>; conflict?: { changedBy: string | null; changedAt: string } },
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Whether an error means PostgreSQL cannot be reached right now (so the answer is 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, kind } = current as { code?: unknown; message?: unknown; kind?: unknown };
    if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT" || code === "P1001" || code === "P1017") return true;
    if (code === "57P01" || code === "57P02" || code === "57P03") return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && /connect ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect|Can't reach database/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export const DATABASE_TIMEOUT_MESSAGE = "This took too long and was stopped. Try again in a moment, or narrow the filters.";

/**
 * Whether PostgreSQL cancelled a statement that ran past `statement_timeout` (or waited past
 * `lock_timeout`), or an interactive transaction ran out of time or found no free connection in
 * time (Prisma's P2028): the server is too busy for this request, so the answer is 503.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, originalCode, cause, meta, driverAdapterError } = current as Record<string, unknown>;
    if (code === "57014" || originalCode === "57014" || code === "55P03" || originalCode === "55P03" || code === "P2028") return true;
    pending.push(cause, driverAdapterError, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

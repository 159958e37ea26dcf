import "server-only";
import { errorText, validationTexts, type ErrorKey } from "@/server/i18n/server-messages";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import type { MessageValues } from "@/server/shared/message-keys";
import type { Locale } from "@/server/shared/locales";

export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "UNAUTHORIZED";

/** What a refusal says: a key of the `errors` catalog, with its values when it has any. */
export type ErrorMessage = ErrorKey | { key: ErrorKey; values: MessageValues };

export type DomainErrorDetails = {
  /** Messages by form field, as validation keys (server/shared/message-keys.ts). */
  fieldErrors?: Record<string, string[]>;
  conflict?: { changedBy: string | null; changedAt: string };
};

/**
 * A refusal by the rules of the domain. Services throw it; only the API layer turns it into a
 * protocol error, in the reader's language (`localized`). `message` and `details.fieldErrors` are
 * the English words (logs, tests, the command line); `fieldErrors` names form fields for the
 * client to show next to them.
 */
export class DomainError extends Error {
  readonly key: ErrorKey;
  readonly values: MessageValues | undefined;
  readonly details: DomainErrorDetails | undefined;
  private readonly fieldErrorKeys: Record<string, string[]> | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: ErrorMessage,
    details?: DomainErrorDetails,
  ) {
    const { key, values } = typeof message === "string" ? { key: message, values: undefined } : message;
    super(errorText(key, values));
    this.name = "DomainError";
    this.key = key;
    this.values = values;
    this.fieldErrorKeys = details?.fieldErrors;
    this.details = details && { ...details, ...(details.fieldErrors ? { fieldErrors: validationTexts(details.fieldErrors) } : {}) };
  }

  /** The message and the field errors in a language. */
  localized(locale: Locale | undefined): { message: string; fieldErrors: Record<string, string[]> | null } {
    return {
      message: errorText(this.key, this.values, locale),
      fieldErrors: this.fieldErrorKeys ? validationTexts(this.fieldErrorKeys, locale) : null,
    };
  }
}

// Network failures of the driver, and PostgreSQL's connection-exception class (08), shutdown and
// start-up states (57P01-57P03) and "too many connections" (53300): all pass once the server is back.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "P1001", "P1002", "P1017",
  "57P01", "57P02", "57P03", "53300",
]);
const UNAVAILABLE_MESSAGES =
  /connect ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect|Can't reach database|not queryable|terminating connection|the database system is (starting up|shutting down|in recovery mode)|server closed the connection unexpectedly/i;

/** Whether an error means PostgreSQL cannot be reached right now (so the answer is 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, kind } = current as { code?: unknown; message?: unknown; kind?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A value from the chain of causes of an error: `pick` returns it for the first one that has it. */
function findInCauses<T>(error: unknown, pick: (candidate: { code?: unknown; kind?: unknown }) => T | undefined): T | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const found = pick(current as { code?: unknown; kind?: unknown });
    if (found !== undefined) return found;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether a unique or foreign-key violation that no rule turned into a clear refusal reached the
 * API: a row changed or vanished between the checks and the write. The answer is a 409.
 */
export function isConstraintConflict(error: unknown): boolean {
  return (
    isUniqueViolation(error) ||
    (findInCauses(error, ({ code, kind }) => (code === "23503" || code === "P2003" || kind === "ForeignKeyConstraintViolation" ? true : undefined)) ?? false)
  );
}

/** What a client is told when the database cannot be reached: try again, and a reference. */
export function serviceUnavailableMessage(requestId: string | null, locale?: Locale): string {
  return errorText("server.unavailable", { reference: requestId ?? errorText("server.noReference", undefined, locale) }, locale);
}

/**
 * The database could not be reached while handling the request `requestId`. Thrown where the
 * failure was already logged, so that the layers above answer 503 without logging it again.
 */
export class ServiceUnavailableError extends Error {
  constructor(readonly requestId: string) {
    super(serviceUnavailableMessage(requestId));
    this.name = "ServiceUnavailableError";
  }
}

export const DATABASE_TIMEOUT_MESSAGE = errorText("server.timeout");

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

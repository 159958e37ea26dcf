import { TRPCClientError } from "@trpc/client";

/** Who changed a record and when, for a stale edit (CONFLICT). */
export type Conflict = { changedBy: string | null; changedAt: string };

type ErrorData = {
  code?: string;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  fieldErrors?: Record<string, string[]> | null;
  conflict?: Conflict | null;
};

function dataOf(error: unknown): ErrorData | null {
  if (error instanceof TRPCClientError) return (error.data ?? null) as ErrorData | null;
  return null;
}

/** The message to show for a failed request; never driver text (the server masks it). */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = dataOf(error);
    if (data?.zodError) return "Some fields need attention.";
    return error.message || "Something went wrong.";
  }
  return "The server could not be reached. Check your connection and try again.";
}

/**
 * Field errors by field path ("content.narrative", "content.evidence.0.url", ...), from zod
 * (flattened: top-level keys) and from the services' domain checks.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const data = dataOf(error);
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) result[field] = messages[0];
  }
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (messages[0]) result[field] = messages[0];
  }
  return result;
}

export function errorCode(error: unknown): string | null {
  return dataOf(error)?.code ?? null;
}

/** Who changed a record and when, for a stale edit (CONFLICT). */
export function conflictOf(error: unknown): Conflict | null {
  const data = dataOf(error);
  return data?.code === "CONFLICT" ? (data.conflict ?? null) : null;
}

import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";

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

type ErrorWords = { fieldsNeedAttention: string; somethingWentWrong: string; unreachable: string };

function describe(error: unknown, words: ErrorWords): string {
  if (error instanceof TRPCClientError) {
    // The API answers in the reader's language (server/api/trpc.ts translates its messages).
    if (dataOf(error)?.zodError) return words.fieldsNeedAttention;
    return error.message || words.somethingWentWrong;
  }
  return words.unreachable;
}

/**
 * The message to show for a failed request, in the reader's language; never driver text (the
 * server masks it). A hook: `const errorMessage = useErrorMessage();` then `errorMessage(error)`.
 */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return (error) => describe(error, { fieldsNeedAttention: t("server.fieldsNeedAttention"), somethingWentWrong: t("server.somethingWentWrong"), unreachable: t("server.unreachable") });
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

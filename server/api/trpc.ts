import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import * as z from "zod/mini";
import "@/server/platform/zod-messages";
import { loadActor } from "@/server/auth/session";
import { readSessionToken } from "@/server/auth/session-token";
import type { Actor, UserActor } from "@/server/services/access";
import { isAdmin, isSecretariat } from "@/server/services/access";
import { DomainError, ServiceUnavailableError, isConstraintConflict, isDatabaseTimeout, isDatabaseUnavailable, serviceUnavailableMessage } from "@/server/services/errors";
import { errorText, validationText } from "@/server/i18n/server-messages";
import { describeError, logger } from "@/server/platform/log";
import { clientAddress } from "@/server/platform/client-address";
import { RateLimitedError, enforceClientLimit } from "@/server/platform/rate-limit";
import { chooseLocale } from "@/server/i18n/negotiate";
import { LOCALE_COOKIE, type Locale } from "@/server/shared/locales";

/**
 * `clientAddress`: who the per-client limits count against (null when unknown: not limited).
 * `locale`: the reader's language (server/i18n/negotiate.ts) for the messages a procedure returns;
 * English when not given.
 */
export type Context = { actor: Actor; requestId: string | null; clientAddress?: string | null; locale?: Locale };

/**
 * Builds the context of one HTTP request: the actor is re-read from the database every time.
 * When the database cannot be reached this fails before any procedure (and its error mapping)
 * runs, so the failure is logged here and thrown as a 503 that carries the request id.
 */
export async function createRequestContext(req: Request): Promise<Context & { requestId: string }> {
  const requestId = req.headers.get("x-request-id") || crypto.randomUUID();
  const cookieHeader = req.headers.get("cookie") ?? "";
  const cookies = new Map(
    cookieHeader
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const index = part.indexOf("=");
        const raw = part.slice(index + 1);
        let value = raw;
        try {
          value = decodeURIComponent(raw);
        } catch {
          // a malformed cookie is simply not a session
        }
        return [part.slice(0, index), value] as const;
      }),
  );
  const token = await readSessionToken({ headers: Object.fromEntries(req.headers), cookies } as never);
  let user: UserActor | null;
  try {
    user = await loadActor(token, requestId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.error({ event: "request.database_unavailable", requestId, path: new URL(req.url).pathname, error: describeError(error) });
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: serviceUnavailableMessage(requestId), cause: new ServiceUnavailableError(requestId) });
  }
  const locale = chooseLocale({ profile: user?.locale, cookie: cookies.get(LOCALE_COOKIE), acceptLanguage: req.headers.get("accept-language") });
  return { actor: user ?? { kind: "public", requestId }, requestId, clientAddress: clientAddress(req.headers), locale };
}

/** Zod issues keyed by their full path ("content.evidence.0.url"), so forms can place each one; in the reader's language. */
function fieldErrorsByPath(error: z.core.$ZodError, locale: Locale | undefined) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const message = validationText(issue.message, locale);
    if (issue.path.length === 0) {
      formErrors.push(message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    (fieldErrors[key] ??= []).push(message);
  }
  return { formErrors, fieldErrors };
}

/** A reference for the logs ("none" when the request has no id), in the reader's language. */
function reference(requestId: string | null, locale: Locale | undefined) {
  return requestId ?? errorText("server.noReference", undefined, locale);
}

/**
 * The message a client is shown, in the reader's language: a domain refusal's, a limit's, "some
 * fields need attention" for invalid input, the masked internal error; otherwise tRPC's own.
 */
function clientMessage(error: TRPCError, message: string, requestId: string | null, locale: Locale | undefined): string {
  const cause = error.cause;
  if (error.code === "INTERNAL_SERVER_ERROR") return errorText("server.internal", { reference: reference(requestId, locale) }, locale);
  if (cause instanceof DomainError) return cause.localized(locale).message;
  if (cause instanceof RateLimitedError) return cause.localized(locale);
  if (cause instanceof ServiceUnavailableError) return serviceUnavailableMessage(cause.requestId, locale);
  if (cause instanceof z.core.$ZodError) return errorText("server.fieldsNeedAttention", undefined, locale);
  return message;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // Without a context (its creation failed), the request id travels on the error.
    const requestId = ctx?.requestId ?? (cause instanceof ServiceUnavailableError ? cause.requestId : null);
    const locale = ctx?.locale;
    return {
      ...shape,
      message: clientMessage(error, shape.message, requestId, locale),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        requestId,
        zodError: cause instanceof z.core.$ZodError ? fieldErrorsByPath(cause, locale) : null,
        fieldErrors: cause instanceof DomainError ? cause.localized(locale).fieldErrors : null,
        conflict: cause instanceof DomainError ? (cause.details?.conflict ?? null) : null,
      },
    };
  },
});

/**
 * In tRPC 11 `next()` never throws: a failure comes back as `{ ok: false }`. Domain refusals
 * become their protocol codes here; a lost database becomes 503; anything else is logged with
 * the request id and reaches the client masked by the error formatter. A statement or transaction
 * past its time limit is 503 too: the server is busy, the request may be tried again.
 */
const mapErrors = t.middleware(async ({ next, ctx, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const cause = error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.localized(ctx.locale).message, cause });
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    if (isDatabaseTimeout(cause ?? error)) {
      logger.warn({ event: "trpc.timeout", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: errorText("server.timeout", undefined, ctx.locale) });
    }
    if (isDatabaseUnavailable(cause ?? error)) {
      logger.error({ event: "request.database_unavailable", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: serviceUnavailableMessage(ctx.requestId, ctx.locale) });
    }
    if (isConstraintConflict(cause ?? error)) {
      logger.warn({ event: "request.constraint_conflict", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
      throw new TRPCError({
        code: "CONFLICT",
        message: errorText("server.changedMeanwhile", { reference: reference(ctx.requestId, ctx.locale) }, ctx.locale),
      });
    }
    logger.error({ event: "trpc.error", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** What a user who must choose a new password may still do: read their account, change it, sign out. */
const ALLOWED_WHILE_PASSWORD_MUST_CHANGE = new Set(["account.me", "account.profile", "account.changePassword", "account.signOutEverywhere"]);

/**
 * A password reset by an administrator is temporary: until its owner chooses a new one, the API
 * refuses everything else, as the pages do (a stolen temporary password opens nothing).
 */
const requireChosenPassword = t.middleware(({ ctx, path, next }) => {
  if (ctx.actor.kind === "user" && ctx.actor.mustChangePassword && !ALLOWED_WHILE_PASSWORD_MUST_CHANGE.has(path)) {
    throw new DomainError("FORBIDDEN", "access.mustChangePassword");
  }
  return next();
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors).use(requireChosenPassword);

/**
 * Report procedures (anyone): each call spends one point of the client's per-minute budget, so a
 * batch of expensive reports cannot keep the database busy for everyone else (T22).
 */
export const reportProcedure = publicProcedure.use(async ({ ctx, next }) => {
  try {
    await enforceClientLimit("reports", ctx.clientAddress);
  } catch (error) {
    if (error instanceof RateLimitedError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.localized(ctx.locale), cause: error });
    throw error;
  }
  return next();
});

/** The Retry-After of a refused call of this response, if any (the route sets the header). */
export function retryAfterOf(errors: readonly TRPCError[]): number | null {
  const limited = errors.map((error) => error.cause).filter((cause) => cause instanceof RateLimitedError);
  return limited.length ? Math.max(...limited.map((cause) => cause.retryAfterSeconds)) : null;
}

/** Any signed-in user; UNAUTHORIZED otherwise. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") throw new DomainError("UNAUTHORIZED", "access.signIn");
  return next({ ctx: { ...ctx, actor: ctx.actor as UserActor } });
});

/** Secretariat staff (analysts and administrators); FORBIDDEN for other signed-in users. */
export const secretariatProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isSecretariat(ctx.actor)) throw new DomainError("FORBIDDEN", "access.secretariatOnly");
  return next({ ctx });
});

/** Administrators only. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.actor)) throw new DomainError("FORBIDDEN", "access.administratorsOnly");
  return next({ ctx });
});

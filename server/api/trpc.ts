import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getToken } from "next-auth/jwt";
import { loadActor } from "@/server/auth/session";
import type { Actor, UserActor } from "@/server/services/access";
import { isAdmin, isSecretariat } from "@/server/services/access";
import { DATABASE_TIMEOUT_MESSAGE, DomainError, isDatabaseTimeout, isDatabaseUnavailable } from "@/server/services/errors";
import { describeError, logger } from "@/server/platform/log";

export type Context = { actor: Actor; requestId: string | null };

/** Builds the context of one HTTP request: the actor is re-read from the database every time. */
export async function createRequestContext(req: Request): Promise<Context> {
  const requestId = req.headers.get("x-request-id");
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
  const token = await getToken({ req: { headers: Object.fromEntries(req.headers), cookies } as never });
  const user = await loadActor(token, requestId);
  return { actor: user ?? { kind: "public", requestId }, requestId };
}

/** Zod issues keyed by their full path ("content.evidence.0.url"), so forms can place each one. */
function fieldErrorsByPath(error: ZodError) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { formErrors, fieldErrors };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: isInternal
        ? `Something went wrong on the server. Reference: ${ctx?.requestId ?? "none"}`
        : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        requestId: ctx?.requestId ?? null,
        zodError: cause instanceof ZodError ? fieldErrorsByPath(cause) : null,
        fieldErrors: cause instanceof DomainError ? (cause.details?.fieldErrors ?? null) : null,
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
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    if (isDatabaseTimeout(cause ?? error)) {
      logger.warn({ event: "trpc.timeout", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_TIMEOUT_MESSAGE });
    }
    if (isDatabaseUnavailable(cause ?? error)) {
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "The database is unavailable. Try again in a moment.",
      });
    }
    logger.error({ event: "trpc.error", requestId: ctx.requestId, path, type, error: describeError(cause ?? error) });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors);

/** Any signed-in user; UNAUTHORIZED otherwise. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, actor: ctx.actor as UserActor } });
});

/** Secretariat staff (analysts and administrators); FORBIDDEN for other signed-in users. */
export const secretariatProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isSecretariat(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", message: "Only the secretariat can do this." });
  return next({ ctx });
});

/** Administrators only. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", message: "Only administrators can do this." });
  return next({ ctx });
});

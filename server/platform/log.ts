// The one logger of the app: structured JSON lines on stdout (pino). Every failure a request
// meets is logged once, with its request id. Passwords, tokens, cookies and secrets are never
// written: the paths below are redacted wherever they appear in a logged object.
import "server-only";
import pino from "pino";

export const logger = pino({
  base: { service: "commitment-tracker" },
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "password",
      "*.password",
      "newPassword",
      "*.newPassword",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "cookie",
      "*.cookie",
      "headers.cookie",
      "headers.authorization",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
});

/** Text of an error for a log line: the message and its code, never the whole driver object. */
export function describeError(error: unknown): { message: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { message: error.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return { message: String(error) };
}

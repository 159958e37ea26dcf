// The real tRPC HTTP handler (status codes, error formatting) over the app's router, with a
// context of the test's choosing: what a client would get back, without a server.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";

export type HttpAnswer = { status: number; body: string };

/** Sends a raw JSON body (or a deliberately broken one) as a query or mutation. */
export async function sendRaw(path: string, type: "query" | "mutation", rawJson: string, context: Context): Promise<HttpAnswer> {
  const req =
    type === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(rawJson)}`)
      : new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: rawJson });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => context });
  return { status: response.status, body: await response.text() };
}

/** Sends `input` as the client does (plain JSON). */
export function sendInput(path: string, type: "query" | "mutation", input: unknown, context: Context): Promise<HttpAnswer> {
  return sendRaw(path, type, JSON.stringify(input), context);
}

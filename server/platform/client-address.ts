// The address of the client of a request, for the sign-in throttle and the rate limits. One place
// decides it, because a wrong answer either lets one client pose as many (rotating a header to
// dodge a limit) or lets one client lock out others (sending a ministry's address).
//
// `next start` keeps a client-sent X-Forwarded-For as it is (it only fills the header in when it
// is missing), so the app alone cannot tell the TCP peer from an address the client made up. The
// app server that `npm start` runs (server/cli/serve.mjs) therefore writes the socket's address
// into SOCKET_ADDRESS_HEADER on every request, replacing any copy a client sent, and marks the
// process so that this module knows the header can be believed.
//
// TRUST_PROXY says how much of X-Forwarded-For to believe:
// - unset, empty, `0` or `false`: none of it; the client is the socket's peer.
// - a number N (1 to 10): N reverse proxies stand in front of the app, each appending the address
//   it received the request from; the client is the N-th address from the right of
//   X-Forwarded-For. Hops further left were written by the client and are ignored.
// - a comma-separated list of proxy addresses or CIDR ranges (`10.0.0.0/8, 192.0.2.7`, or the
//   names `loopback`, `linklocal`, `uniquelocal`): walking from the socket's peer leftwards, every
//   hop in the list is a trusted proxy; the first hop that is not is the client.
import "server-only";
import net from "node:net";
import proxyaddr from "proxy-addr";
import { logger } from "@/server/platform/log";

/** Written by server/cli/serve.mjs (keep the two names equal). */
export const SOCKET_ADDRESS_HEADER = "x-socket-address";
/** Set on globalThis by server/cli/serve.mjs once it owns SOCKET_ADDRESS_HEADER. */
const SERVER_MARK = Symbol.for("commitment-tracker.socket-address-header");

const MAX_TRUSTED_HOPS = 10;

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; trusts: (address: string) => boolean };

/** Reads a TRUST_PROXY value; throws with a readable message when it is not one of the forms above. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_TRUSTED_HOPS) throw new Error(`TRUST_PROXY must be a hop count from 0 to ${MAX_TRUSTED_HOPS}, or a list of proxy addresses.`);
    return { kind: "hops", hops };
  }
  const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    const compiled = proxyaddr.compile(entries);
    return { kind: "list", trusts: (address) => compiled(address, 0) };
  } catch {
    throw new Error(`TRUST_PROXY is neither a hop count nor a list of proxy addresses or CIDR ranges: "${text.slice(0, 100)}".`);
  }
}

/** `::ffff:192.0.2.1` (an IPv4 peer of a dual-stack socket) and `192.0.2.1` are one client. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * The client's address from the socket's peer and the X-Forwarded-For header, believing only the
 * hops that `trust` allows. A hop that is not an IP address (a misconfigured proxy) is not
 * believed either: the answer is then the nearest address that is known to be real.
 */
export function resolveClientAddress(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustProxy): string | null {
  if (!socketAddress || !net.isIP(socketAddress)) return null;
  if (trust.kind === "none") return normalise(socketAddress);
  const request = { socket: { remoteAddress: socketAddress }, headers: { "x-forwarded-for": forwardedFor ?? "" } };
  // proxy-addr lists the socket's peer first, then the forwarded hops from right to left, and
  // stops at the first hop that `trust` refuses.
  const chain = proxyaddr.all(
    request as never,
    trust.kind === "hops" ? (_address: string, index: number) => index < trust.hops : (address: string) => trust.trusts(address),
  );
  for (let index = chain.length - 1; index >= 0; index--) {
    const address = chain[index]!;
    if (net.isIP(address)) return normalise(address);
  }
  return normalise(socketAddress);
}

let trustProxy: TrustProxy | undefined;
function configuredTrust(): TrustProxy {
  trustProxy ??= parseTrustProxy(process.env.TRUST_PROXY);
  return trustProxy;
}

let warnedNoServer = false;

/**
 * The client address of a request, from its headers (a fetch `Headers`, or the plain object that
 * next-auth hands to `authorize`). Null when the app runs without the server that records the
 * socket's peer (plain `next start`, tests): then no per-address limit applies, and the
 * per-account limits still do.
 */
export function clientAddress(headers: Headers | Record<string, unknown> | null | undefined): string | null {
  if (!headers) return null;
  if (!(globalThis as Record<symbol, unknown>)[SERVER_MARK]) {
    if (!warnedNoServer) {
      warnedNoServer = true;
      logger.warn({ event: "client_address.unknown", message: "Not served by server/cli/serve.mjs: client addresses are unknown, per-address limits are off." });
    }
    return null;
  }
  const read = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return typeof value === "string" ? value : null;
  };
  return resolveClientAddress(read(SOCKET_ADDRESS_HEADER), read("x-forwarded-for"), configuredTrust());
}

/** For tests that exercise clientAddress as the app server would run it. */
export function markServedWithSocketAddress(on: boolean) {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = on;
}

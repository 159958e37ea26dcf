// The app server that `npm start` runs: `next start` or `next dev` through Next.js's custom-server
// API, for one reason. Next.js keeps a client-sent X-Forwarded-For as it is (it fills the header
// in only when it is missing), so behind it the app cannot tell the TCP peer of a request from an
// address the client made up, and a per-address limit could be dodged by rotating that header.
// This server writes the socket's peer into its own header on every request, replacing any copy
// a client sent; server/platform/client-address.ts decides the client's address from it (and from
// X-Forwarded-For only as far as TRUST_PROXY allows).
//
// Usage, like the Next.js CLI: node server/cli/serve.mjs start|dev -p PORT [-H HOST]
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";

/** Read by server/platform/client-address.ts (keep the two names equal). */
const SOCKET_ADDRESS_HEADER = "x-socket-address";
const SERVER_MARK = Symbol.for("commitment-tracker.socket-address-header");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const dev = positionals[0] === "dev";
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
process.env.NODE_ENV ??= dev ? "development" : "production";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const app = next({ dev, dir: projectRoot, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[SERVER_MARK] = true;

const server = http.createServer((req, res) => {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    process.stderr.write(`${JSON.stringify({ level: 50, event: "server.unhandled", message: String(error?.message ?? error) })}\n`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

// Idle keep-alive connections stay open past the idle timeouts of clients and proxies in front
// (load balancers commonly keep 60 s): with Node's 5 s default the server could close a connection
// just as a client reuses it, and that client would get ECONNRESET. Headers must arrive within a
// little more than that.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  process.stdout.write(`Serving on http://${hostname ?? "localhost"}:${port}\n`);
});

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
  // Requests still running get a few seconds to finish.
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", close);
process.on("SIGINT", close);

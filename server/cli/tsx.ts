// The command-line scripts run from the TypeScript sources, with tsx loaded into Node itself
// (`node --import tsx`). The server modules they import begin with `import "server-only"`, a marker
// package that throws unless packages resolve with the "react-server" condition (as they do in the
// Next.js server), so Node runs with that condition: package.json's scripts, playwright.config.ts
// and the tests that start a script all say so.
//
// Not tsx's own command: it runs the script in a second process and relays Ctrl-C / SIGTERM to it,
// and when that process is busy for more than a few tens of milliseconds it kills it with SIGKILL
// and exits 130, so `npm start` under load would leave its PostgreSQL and app server running.
import path from "node:path";

export const SERVER_CONDITIONS = "--conditions=react-server";

/** Node's arguments to run a TypeScript script in this process, as package.json's scripts do. */
export function scriptArgs(script: string, ...args: string[]): string[] {
  return [SERVER_CONDITIONS, "--import", "tsx", script, ...args];
}

/** tsx's own command, for `--eval` of TypeScript code in a test (it stops by itself). */
export const TSX_BIN = path.resolve(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");

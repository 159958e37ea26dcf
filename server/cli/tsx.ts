// The command-line scripts run from the TypeScript sources with tsx. The server modules they import
// begin with `import "server-only"`, a marker package that throws unless packages resolve with the
// "react-server" condition (as they do in the Next.js server), so tsx runs with that condition:
// package.json's scripts, playwright.config.ts and the tests that start a script all say so.
import path from "node:path";

export const SERVER_CONDITIONS = "--conditions=react-server";

/** This project's tsx. */
export const TSX_BIN = path.resolve(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");

/** tsx's arguments to run a script (or `--eval` code) as the server does. */
export function tsxArgs(...args: string[]): string[] {
  return [SERVER_CONDITIONS, ...args];
}

// Whether a production build in `distDir` is older than the sources it was made from: `npm start`
// builds again then, and so do the bench and the tests that serve a build.
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/server/cli/database";

const SOURCE_PATHS = ["app", "components", "server", "prisma/schema.prisma", "proxy.ts", "next.config.js", "package-lock.json"];

// Test files are not part of the build: editing one must not make the build stale.
const TEST_FILE = /\.test\.tsx?$/;

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return TEST_FILE.test(target) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIsCurrent(distDir: string): boolean {
  const buildId = path.join(PROJECT_ROOT, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCE_PATHS.every((source) => newestMtime(path.join(PROJECT_ROOT, source)) <= builtAt);
}

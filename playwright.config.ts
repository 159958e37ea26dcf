import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { scriptArgs } from "./server/cli/tsx";
import { BASE_URL } from "./e2e/base-url";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const baseURL = BASE_URL;
const port = new URL(baseURL).port;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /supervision\.spec\.ts/ },
    // Killing PostgreSQL and the app server, and timing their recovery, runs after every other spec:
    // its cold starts would slow the journeys beside it, and their load would blur its 10 s bound.
    { name: "supervision", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /supervision\.spec\.ts/, dependencies: ["desktop"] },
  ],
  webServer: {
    // A fresh embedded PostgreSQL with demo data, and the production build made by `npm run test:e2e`.
    command: `node ${scriptArgs("server/cli/start.ts", "--fresh", "--data-dir", ".data/e2e", "--port", String(port)).join(" ")}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // npm start serves 127.0.0.1; browsers and Playwright's own check try both loopback
    // addresses for "localhost", so the base URL works wherever localhost resolves to ::1 first.
    env: { DATABASE_URL: "", HOST: "127.0.0.1", NEXT_DIST_DIR: ".next-test", NEXTAUTH_URL: baseURL },
  },
});

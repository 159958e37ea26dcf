import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // The server modules begin with `import "server-only"`, which throws outside React Server
      // Components; the tests call them as the Next.js server does (see server/cli/tsx.ts).
      "server-only": path.join(import.meta.dirname, "node_modules", "server-only", "empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**", ".data/**"],
    globalSetup: ["./server/test/global-setup.ts"],
    setupFiles: ["./server/test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});

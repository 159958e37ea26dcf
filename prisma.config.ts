import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI would otherwise download a native schema engine, which is impossible on an
// air-gapped network. This executable speaks the same JSON-RPC over the WebAssembly engine
// published on npm.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "prisma",
  "schema-engine",
  "schema-engine.mjs",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "node --conditions=react-server --import tsx server/cli/seed.ts",
  },
  // `prisma generate` needs no database; migrate and db commands read DATABASE_URL.
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
});

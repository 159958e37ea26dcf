// The import boundaries of README's "Layout" hold by tools, and these checks keep the tools on:
// the ESLint rule refuses server code in components (types aside), and every server module that
// must never reach the browser begins with `import "server-only"`, so the build refuses it too.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER_ONLY_FOLDERS = ["server/api", "server/auth", "server/db", "server/platform", "server/services"];
/** Safe anywhere: edge-safe session constants (proxy.ts), and the export renderers, which run in worker threads of their own. */
const EXEMPT = new Set(["server/auth/session-config.ts", ...["render-worker", "pdf", "xlsx", "table"].map((name) => `server/services/exports/${name}.ts`)]);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").map((message) => message.message);
}

describe("import boundaries", { timeout: 60_000 }, () => {
  it("refuses a component that imports a service, the database client or the session, and allows their types", async () => {
    const code = [
      'import { listStatesForFilter } from "@/server/services/states";',
      'import { db } from "@/server/db/client";',
      'import { getPageActor } from "@/server/auth/page-session";',
      'import type { ActorSummary } from "@/server/services/account";',
      'import { formatShare } from "@/server/shared/figures";',
      "export const probe = [listStatesForFilter, db, getPageActor, formatShare] as unknown as ActorSummary;",
    ].join("\n");
    const refused = await restrictedImports("components/reports/boundary-probe.tsx", code);
    expect(refused).toHaveLength(3);
    expect(refused.join("\n")).toMatch(/'@\/server\/services\/states'[\s\S]*'@\/server\/db\/client'[\s\S]*'@\/server\/auth\/page-session'/);
  });

  it("refuses a page that calls a service instead of the server caller or a page loader", async () => {
    const refused = await restrictedImports("app/(app)/boundary-probe/page.tsx", 'import { listStatesForFilter } from "@/server/services/states";\nexport default listStatesForFilter;');
    expect(refused).toEqual([expect.stringContaining("server caller")]);
  });

  it("refuses Node.js and server modules in server/shared", async () => {
    const refused = await restrictedImports("server/shared/boundary-probe.ts", 'import fs from "node:fs";\nimport { db } from "@/server/db/client";\nexport const probe = [fs, db];');
    expect(refused).toHaveLength(2);
  });

  it("marks every server module of the api, auth, db, platform and services folders server-only", () => {
    const modules = SERVER_ONLY_FOLDERS.flatMap((folder) =>
      (fs.readdirSync(path.join(ROOT, folder), { recursive: true }) as string[]).map((name) => path.posix.join(folder, name.split(path.sep).join("/"))),
    ).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !EXEMPT.has(file));
    expect(modules.length).toBeGreaterThan(40);
    const unmarked = modules.filter((file) => !/^import "server-only";$/m.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(unmarked).toEqual([]);
  });
});

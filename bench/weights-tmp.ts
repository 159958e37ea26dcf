import { AppClient } from "@/bench/lib/http";
import { measurePage } from "@/bench/lib/weight";
const base = process.argv[2]!;
const client = new AppClient(base);
await client.signIn("admin@demo.test", "demo-password-2017");
const baseline = new Set((await measurePage(client, "/admin/users")).chunks.map((c) => c.url));
for (const path of process.argv.slice(3)) {
  const weight = await measurePage(client, path);
  console.log(path, weight.gzipKb.toFixed(1));
  for (const chunk of weight.chunks) if (!baseline.has(chunk.url)) console.log("  +", chunk.url, chunk.gzipKb.toFixed(1), chunk.libraries.join(","));
}

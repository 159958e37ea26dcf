// "Reports and exports under attack": while several clients download the full compliance matrix
// as PDF (seconds of rendering each at OSCE scale), do a sign-in and a commitment page still
// answer quickly? Each probe is timed from its first byte sent to its last byte read.
import { AppClient } from "@/bench/lib/http";
import { summarize, timed, type Summary } from "@/bench/lib/stats";

export type Download = { status: number; ms: number; bytes: number };
export type AttackResult = {
  downloads: Download[];
  exportPath: string;
  baseline: { signIn: Summary; page: Summary };
  underAttack: { signIn: Summary; page: Summary };
  /** Probes under attack slower than 1 s, each with when it started (seconds into the attack). */
  slowProbes: { kind: "signIn" | "page"; ms: number; atSeconds: number }[];
};

type Probe = { email: string; password: string; pageClient: AppClient; pagePath: string };

async function probeOnce(baseUrl: string, probe: Probe) {
  const signIn = await timed(() => new AppClient(baseUrl).signIn(probe.email, probe.password));
  const page = await timed(async () => {
    const { status, body } = await probe.pageClient.text(probe.pagePath);
    if (status !== 200) throw new Error(`${probe.pagePath} answered ${status}: ${body.slice(0, 200)}`);
  });
  return { signIn: signIn.ms, page: page.ms };
}

async function download(baseUrl: string, exportPath: string): Promise<Download> {
  const { ms, value } = await timed(async () => {
    const response = await fetch(`${baseUrl}${exportPath}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { status: response.status, bytes };
  });
  return { ...value, ms };
}

/**
 * Baseline probes first (nothing else running), then `clients` downloads at once with probes back
 * to back until the last download has finished.
 */
export async function measureUnderExports(baseUrl: string, probe: Probe, options: { clients: number; baselineRuns: number; exportPath: string; onProgress?: (line: string) => void }): Promise<AttackResult> {
  const baseline = { signIn: [] as number[], page: [] as number[] };
  for (let run = 0; run < options.baselineRuns; run++) {
    const times = await probeOnce(baseUrl, probe);
    baseline.signIn.push(times.signIn);
    baseline.page.push(times.page);
  }
  let finished = 0;
  const downloads = Array.from({ length: options.clients }, () =>
    download(baseUrl, options.exportPath).finally(() => {
      finished++;
    }),
  );
  const attacked = { signIn: [] as number[], page: [] as number[] };
  const slowProbes: AttackResult["slowProbes"] = [];
  const attackStart = performance.now();
  while (finished < options.clients) {
    const atSeconds = Math.round((performance.now() - attackStart) / 100) / 10;
    const times = await probeOnce(baseUrl, probe);
    attacked.signIn.push(times.signIn);
    attacked.page.push(times.page);
    if (times.signIn > 1000) slowProbes.push({ kind: "signIn", ms: Math.round(times.signIn), atSeconds });
    if (times.page > 1000) slowProbes.push({ kind: "page", ms: Math.round(times.page), atSeconds });
    options.onProgress?.(`Under attack: ${finished}/${options.clients} downloads done, ${attacked.signIn.length} probes`);
  }
  return {
    downloads: await Promise.all(downloads),
    exportPath: options.exportPath,
    baseline: { signIn: summarize(baseline.signIn), page: summarize(baseline.page) },
    underAttack: { signIn: summarize(attacked.signIn), page: summarize(attacked.page) },
    slowProbes,
  };
}

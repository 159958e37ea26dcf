// Browser weight: the JavaScript a first visit to a page downloads, read from the page the
// production server sends (every <script src> and script preload, except the nomodule polyfills
// that modern browsers skip), each chunk gzipped.
import zlib from "node:zlib";
import type { AppClient } from "@/bench/lib/http";

export type ChunkWeight = { url: string; gzipKb: number; libraries: string[] };
export type PageWeight = { path: string; status: number; scripts: number; rawKb: number; gzipKb: number; inlineGzipKb: number; chunks: ChunkWeight[] };

// Strings that give away which library a chunk holds (a hint for the report, not a measurement).
const LIBRARY_MARKERS: [string, RegExp][] = [
  ["react-dom", /react-dom|__reactContainer/],
  ["recharts", /recharts/],
  ["redux/immer (recharts)", /immer|redux/i],
  // zod itself, not a field named zodError.
  ["zod", /\bZodError\b|\._zod\b/],
  ["react-hook-form", /useFormContext|react-hook-form/],
  ["@tanstack/react-query", /QueryClient|tanstack/],
  ["trpc", /trpc/i],
  ["superjson", /superjson/i],
  ["next-auth", /next-auth/],
  ["sonner", /sonner/],
];

const gzipCache = new Map<string, { raw: number; gzip: number; libraries: string[] }>();

function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = match[0];
    // Legacy polyfills (<script nomodule>): modern browsers neither download nor run them.
    if (/\bnomodule\b/i.test(tag)) continue;
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src) urls.add(src);
  }
  for (const match of html.matchAll(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/g)) {
    const tag = match[0];
    if (!/\bas="script"/.test(tag) && !/modulepreload/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) urls.add(href);
  }
  return [...urls].map((url) => url.replace(/&amp;/g, "&"));
}

function inlineScripts(html: string): string {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join("\n");
}

export async function measurePage(client: AppClient, path: string): Promise<PageWeight> {
  const page = await client.text(path);
  let raw = 0;
  let gzip = 0;
  const chunks: ChunkWeight[] = [];
  const urls = scriptUrls(page.body);
  for (const url of urls) {
    const absolute = new URL(url, client.baseUrl).toString();
    let sizes = gzipCache.get(absolute);
    if (!sizes) {
      const response = await fetch(absolute);
      const body = Buffer.from(await response.arrayBuffer());
      const text = body.toString("utf8");
      sizes = {
        raw: body.length,
        gzip: zlib.gzipSync(body, { level: 9 }).length,
        libraries: LIBRARY_MARKERS.filter(([, marker]) => marker.test(text)).map(([name]) => name),
      };
      gzipCache.set(absolute, sizes);
    }
    raw += sizes.raw;
    gzip += sizes.gzip;
    chunks.push({ url, gzipKb: Math.round(sizes.gzip / 102.4) / 10, libraries: sizes.libraries });
  }
  const inline = Buffer.from(inlineScripts(page.body));
  return {
    path,
    status: page.status,
    scripts: urls.length,
    rawKb: Math.round(raw / 102.4) / 10,
    gzipKb: Math.round(gzip / 102.4) / 10,
    inlineGzipKb: Math.round(zlib.gzipSync(inline, { level: 9 }).length / 102.4) / 10,
    chunks: chunks.sort((a, b) => b.gzipKb - a.gzipKb),
  };
}

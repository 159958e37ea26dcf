import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { logger } from "@/server/platform/log";
import type { ExportDocument } from "@/server/services/exports/table";
import type { RenderMessage, RenderRequest } from "@/server/services/exports/render-worker";

// PDF and Excel files are written in worker threads, a bounded number at a time, so that a large
// export (the full matrix at OSCE scale: 10 s of pdfkit) never stalls the other users' requests.
// One worker per export: it starts in about 100 ms, next to seconds of rendering, and a worker that
// fails or runs out of memory takes only its own export with it.

function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}".`);
  return value;
}

/**
 * Exports rendered at the same time (each in its own thread): half the cores, at least one, so
 * that requests and PostgreSQL keep the other half. On 2 cores one render at a time served 5
 * full-matrix PDFs sooner than two did, and kept sign-in and pages under 1 s (bench/README.md).
 */
export const EXPORT_WORKERS = setting("EXPORT_WORKERS", Math.max(1, Math.floor(os.availableParallelism() / 2)), 1);
/** Exports waiting for a free worker; past this an export is refused with 503 and Retry-After. */
export const EXPORT_QUEUE = setting("EXPORT_QUEUE", 10, 0);
/** A render still running after this long is stopped. */
export const EXPORT_TIMEOUT_MS = setting("EXPORT_TIMEOUT_MS", 120_000, 1_000);
/** The heap one render may use; past it the worker stops, the server does not. */
const WORKER_HEAP_MB = setting("EXPORT_WORKER_HEAP_MB", 512, 64);

/** Every worker is busy and the queue is full: the client should come back later. */
export class ExportsBusyError extends Error {
  readonly retryAfterSeconds = 10;
  constructor() {
    super("The server is busy making other downloads. Try again in a moment.");
    this.name = "ExportsBusyError";
  }
}

let active = 0;
const waiting: (() => void)[] = [];

/** How many renders run and wait now (for tests and logs). */
export function exportRenderLoad() {
  return { active, waiting: waiting.length };
}

function acquire(): Promise<void> {
  if (active < EXPORT_WORKERS) {
    active++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  // The slot passes straight to the next waiting export.
  if (next) next();
  else active--;
}

function startWorker(request: RenderRequest): Worker {
  const options = { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (import.meta.url.endsWith(".ts")) {
    // Run from the TypeScript sources (tests, scripts): the worker loads tsx before its entry
    // (a worker does not inherit the parent's loader, nor take it from execArgv on Node 20).
    const entry = JSON.stringify(import.meta.url.replace(/render-pool\.ts$/, "render-worker.ts"));
    return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); })`, { ...options, eval: true });
  }
  // In the Next.js build: Turbopack bundles this entry point into its own chunk.
  return new Worker(new URL("./render-worker.ts", import.meta.url), options);
}

/**
 * Takes a place for one render: resolves with the function that gives it back once a worker is
 * free. Throws ExportsBusyError at once when every worker is busy and the queue is full. An export
 * reserves its place before it reads its report, so waiting exports hold neither memory nor CPU.
 */
export function reserveRender(): Promise<() => void> {
  if (active >= EXPORT_WORKERS && waiting.length >= EXPORT_QUEUE) throw new ExportsBusyError();
  return acquire().then(() => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  });
}

/**
 * The document as a PDF or Excel stream, rendered in a worker thread on a place from
 * `reserveRender` (given back when the render ends, fails or is cancelled: the client went away).
 */
export function renderReserved(format: RenderRequest["format"], document: ExportDocument, place: Promise<() => void> | (() => void)): ReadableStream<Uint8Array> {
  let stop: (() => void) | null = null;
  let cancelled = false;
  let settled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const releaseOnce = await place;
      if (cancelled) {
        releaseOnce();
        return;
      }
      const current = startWorker({ format, document });
      const timer = setTimeout(() => {
        fail(new Error(`The ${format} export took longer than ${EXPORT_TIMEOUT_MS} ms and was stopped.`));
      }, EXPORT_TIMEOUT_MS);
      timer.unref();
      // The place is free as soon as the render is over (a stopping worker costs nothing more).
      const finish = () => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        releaseOnce();
        void current.terminate();
        return true;
      };
      const fail = (error: Error) => {
        if (!finish()) return;
        logger.error({ event: "export.render_failed", format, error: { message: error.message } });
        controller.error(error);
      };
      current.on("message", (message: RenderMessage) => {
        if (settled) return;
        if ("chunk" in message) controller.enqueue(message.chunk);
        else if ("done" in message) {
          if (finish()) controller.close();
        } else fail(new Error(message.error));
      });
      current.on("error", (error) => fail(error));
      current.on("exit", (code) => {
        if (!settled) fail(new Error(`The ${format} export stopped unexpectedly (exit code ${code}).`));
        releaseOnce();
      });
      stop = () => {
        settled = true;
        clearTimeout(timer);
        releaseOnce();
        void current.terminate();
      };
    },
    cancel() {
      cancelled = true;
      stop?.();
    },
  });
}

/** The document as a PDF or Excel stream, rendered in a worker thread once one is free (ExportsBusyError when the queue is full). */
export function renderInWorker(format: RenderRequest["format"], document: ExportDocument): ReadableStream<Uint8Array> {
  return renderReserved(format, document, reserveRender());
}

// Runs in a worker thread (render-pool.ts): writes one export document as PDF or Excel and sends
// the bytes back in chunks. pdfkit and exceljs compute synchronously for seconds on a large report;
// here that time is taken from this thread only, never from the server's event loop.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { pdfStream } from "@/server/services/exports/pdf";
import { xlsxStream } from "@/server/services/exports/xlsx";
import type { ExportDocument } from "@/server/services/exports/table";

export type RenderRequest = { format: "pdf" | "xlsx"; document: ExportDocument };
export type RenderMessage = { chunk: Uint8Array } | { done: true } | { error: string };

const CHUNK_BYTES = 256 * 1024;

async function render({ format, document }: RenderRequest) {
  // On Linux a thread has its own nice value: the renders yield the CPU to the server's requests.
  try {
    os.setPriority(10);
  } catch {
    // not permitted here: render at the normal priority
  }
  const stream = format === "pdf" ? pdfStream(document) : xlsxStream(document);
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    // A fresh buffer, so it can be transferred without copying (pooled buffers cannot be).
    const chunk = new Uint8Array(size);
    let offset = 0;
    for (const part of pending) {
      chunk.set(part, offset);
      offset += part.byteLength;
    }
    parentPort!.postMessage({ chunk } satisfies RenderMessage, [chunk.buffer]);
    pending = [];
    size = 0;
  };
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) {
    pending.push(part);
    size += part.byteLength;
    if (size >= CHUNK_BYTES) flush();
  }
  flush();
  parentPort!.postMessage({ done: true } satisfies RenderMessage);
}

render(workerData as RenderRequest).catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies RenderMessage);
});

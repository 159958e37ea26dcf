import "server-only";

/**
 * Housekeeping done in passing by the requests themselves (no scheduler needed): the returned
 * function runs `task` at most once per `everyMs` in this process, and never fails its caller,
 * since the next run does what a failed one missed. Several instances each prune now and then;
 * the tasks are idempotent deletes.
 */
export function occasionally(everyMs: number, task: () => Promise<unknown>): () => Promise<void> {
  let lastRun = 0;
  return async () => {
    if (Date.now() - lastRun < everyMs) return;
    lastRun = Date.now();
    await task().catch(() => undefined);
  };
}

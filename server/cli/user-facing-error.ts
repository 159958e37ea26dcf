/**
 * An error a person can fix (a wrong DATABASE_URL, a busy port, an old data folder). Command-line
 * entry points print its message as one line and exit non-zero, without a stack trace.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Runs a command-line entry point: known errors become one line on stderr and exit code 1. */
export function runCli(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    if (error instanceof UserFacingError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.DEBUG) console.error(error);
    }
    process.exit(1);
  });
}

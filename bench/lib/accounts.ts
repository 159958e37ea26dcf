// The accounts the bench data set creates (never in the app's own database).
export const BENCH_PASSWORD = "bench-password-2017";
export const BENCH_ANALYST_EMAIL = "bench.analyst@bench.test";
/** Opens the user administration pages for the browser-weight section. */
export const BENCH_ADMIN_EMAIL = "bench.admin@bench.test";

export function focalPointEmail(iso2: string): string {
  return `bench.${iso2.toLowerCase()}@bench.test`;
}

/** The same address as SQL over a column holding the ISO alpha-2 code. */
export function focalPointEmailSql(iso2Column: string): string {
  return `'bench.' || lower(${iso2Column}) || '@bench.test'`;
}

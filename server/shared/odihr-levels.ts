// The ODIHR implementation levels a status can map to, best first (their names are in the
// message catalogs: reference.odihrLevels). Plain values: forms import them at once.
export const ODIHR_LEVELS = ["FULLY", "MOSTLY", "PARTIALLY", "NOT_IMPLEMENTED"] as const;

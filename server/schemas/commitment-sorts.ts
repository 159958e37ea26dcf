// Kept apart from the zod schemas so that the list page's browser code can use it without
// loading zod.
export const COMMITMENT_SORTS = ["reference", "dueDate", "progress", "state", "updated"] as const;
export type TCommitmentSort = (typeof COMMITMENT_SORTS)[number];

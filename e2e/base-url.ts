/** Where the e2e server listens (playwright.config.ts starts it there); also the origin writes are sent from. */
export const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;

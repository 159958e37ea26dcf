import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { BASE_URL } from "./base-url";

// The specs' shared set-up. Signed-in pages start from a session made once per worker and demo
// account (its storage state), not from a sign-in through the form in every test: only the specs
// about signing in use the form. Sessions are revocable (signing out, a password change and "sign
// out everywhere" end them), so a test that does any of that uses an account or session of its own.

export { expect };

export const DEMO_PASSWORD = "demo-password-2017";
/** The demo accounts of the seed (server/services/demo-accounts.ts). */
export const DEMO = {
  admin: "admin@demo.test",
  analyst: "analyst@demo.test",
  focal: { AT: "focal.at@demo.test", IT: "focal.it@demo.test", DE: "focal.de@demo.test" },
} as const;
/** The demo recommendations AAT17-01..08 (published to every participating State) come from this source. */
export const DEMO_SOURCE = "17th Alliance against Trafficking in Persons conference";

/** An account with its password; the demo accounts are named by email alone. */
export type Account = { email: string; password: string; name?: string };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

let uniqueCount = 0;
/** A suffix no other test of this run (or of an earlier run on the same database) uses, for names and emails. */
export function unique() {
  uniqueCount += 1;
  return `${Date.now().toString(36)}w${process.env.TEST_WORKER_INDEX ?? "0"}n${uniqueCount}`;
}

// ---------------------------------------------------------------------------------------------
// Signing in

/** Fills and sends the sign-in form (for the specs about signing in). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the form and waits until the page shows the signed-in header. */
export async function signInAndWait(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

/** Posts the sign-in form to next-auth as the browser does; answers next-auth's error code, or null when signed in. */
export async function postSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { email, password, csrfToken, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url, BASE_URL).searchParams.get("error");
}

/** A new session of the account: the cookies a browser holds after signing in. */
async function newSession(playwright: PlaywrightWorkerArgs["playwright"], account: Account): Promise<StorageState> {
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  try {
    expect(await postSignIn(request, account.email, account.password), `signing in as ${account.email}`).toBeNull();
    return await request.storageState();
  } finally {
    await request.dispose();
  }
}

/** How long a worker shares one session of a demo account (sessions idle for 30 minutes end). */
const SHARED_SESSION_MS = 10 * 60_000;

type Sessions = {
  /** The worker's session of a demo account (made on first use), or with `fresh` a session of its own. */
  demo(email: string, options?: { fresh?: boolean }): Promise<StorageState>;
  /** A new session of the account. */
  of(account: Account): Promise<StorageState>;
};

// ---------------------------------------------------------------------------------------------
// tRPC over HTTP

/** Whatever carries the cookies of a user: a page (its context's) or an API request context. */
export type Requester = { request: APIRequestContext };

/** A tRPC query over HTTP as the requester's user (plain JSON on the wire); fails on any error. */
export async function trpcQuery<T>(as: Requester, path: string, input: unknown): Promise<T> {
  const response = await as.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()).result.data as T;
}

/** A tRPC mutation over HTTP from this site's origin (the API refuses cross-site writes); the status and the body as sent. */
export async function trpcPost(as: Requester, path: string, input: unknown) {
  const response = await as.request.post(`/api/trpc/${path}`, {
    headers: { origin: BASE_URL, "content-type": "application/json" },
    data: input,
  });
  return { status: response.status(), text: await response.text() };
}

/** A tRPC mutation that must succeed; its result. */
export async function trpcMutation<T>(as: Requester, path: string, input: unknown): Promise<T> {
  const { status, text } = await trpcPost(as, path, input);
  expect(status, `${path}: ${text}`).toBe(200);
  return JSON.parse(text).result.data as T;
}

type CommitmentView = {
  id: string;
  version: number;
  recommendation: { scale: { statuses: { id: string; key: string }[] } };
  openUpdate: { id: string; version: number; reviewState: string } | null;
};
type Evidence = { title: string; url: string; isPublic: boolean };

/** The id of the status of this key on the commitment's scale. */
export async function statusIdOf(as: Requester, commitmentId: string, statusKey: string) {
  const view = await trpcQuery<CommitmentView>(as, "commitments.get", { id: commitmentId });
  const status = view.recommendation.scale.statuses.find((row) => row.key === statusKey);
  expect(status, `the scale has ${statusKey}`).toBeTruthy();
  return { statusId: status!.id, view };
}

/**
 * As a focal point, through the API as the update form does: an update of the commitment with the
 * status of `statusKey`, saved as a draft (into the open draft, if there is one) or submitted.
 */
export async function saveUpdate(
  focal: Requester,
  commitmentId: string,
  update: { statusKey: string; progress: number; narrative: string; reportingPeriod?: string; evidence?: Evidence[]; submit: boolean },
) {
  const { statusId, view } = await statusIdOf(focal, commitmentId, update.statusKey);
  const draft = view.openUpdate?.reviewState === "DRAFT" ? { updateId: view.openUpdate.id, expectedVersion: view.openUpdate.version } : {};
  const { statusKey: _statusKey, submit, evidence = [], ...content } = update;
  return trpcMutation<{ id: string; version: number }>(focal, submit ? "commitments.saveAndSubmit" : "commitments.saveDraft", {
    commitmentId,
    ...draft,
    content: { statusId, ...content, evidence },
  });
}

// ---------------------------------------------------------------------------------------------
// Seeded data

/** A demo commitment: one of the 2017 recommendations in one State. */
export type SeededCommitment = { id: string; stateId: string; stateName: string; recommendationId: string; sourceId: string; reference: string };
type CommitmentRow = {
  id: string;
  state: { id: string; name: string; iso2: string };
  recommendation: { id: string; reference: string; source: { id: string; title: string } };
  openUpdateReviewState: string | null;
};
type NewAccount = { role: "ADMIN" | "ANALYST" | "FOCAL_POINT"; stateId?: string; name?: string; mustChangePassword?: boolean };

/** The seeded records the specs work on, read through the API, and accounts of the specs' own. */
export class DemoData {
  private readonly commitments = new Map<string, Promise<SeededCommitment>>();

  constructor(
    private readonly analyst: Requester,
    private readonly admin: Requester,
  ) {}

  /** The commitment of the State (ISO code) to the 2017 recommendation of this reference. */
  commitment(iso2: string, reference: string): Promise<SeededCommitment> {
    const key = `${iso2} ${reference}`;
    let found = this.commitments.get(key);
    if (!found) {
      found = this.find(iso2, reference);
      this.commitments.set(key, found);
    }
    return found;
  }

  /** The id of the participating State of this ISO code. */
  async stateId(iso2: string) {
    return (await this.commitment(iso2, "AAT17-01")).stateId;
  }

  /** The commitment as its list row shows it now (its open update included). */
  async row(commitment: SeededCommitment) {
    const rows = await trpcQuery<{ items: CommitmentRow[] }>(this.analyst, "commitments.list", { stateId: commitment.stateId, recommendationId: commitment.recommendationId });
    expect(rows.items.map((row) => row.id)).toEqual([commitment.id]);
    return rows.items[0]!;
  }

  /** A new account made by the demo administrator, so that the demo accounts are neither changed nor locked. */
  async createAccount(account: NewAccount): Promise<Account & { name: string }> {
    const suffix = unique();
    const created = {
      name: account.name ?? `E2E ${account.role.toLowerCase()} ${suffix}`,
      email: `e2e-${suffix}@demo.test`,
      password: `e2e-password-${suffix}`,
    };
    await trpcMutation(this.admin, "users.create", { ...created, role: account.role, stateId: account.stateId, mustChangePassword: account.mustChangePassword ?? false });
    return created;
  }

  private async find(iso2: string, reference: string): Promise<SeededCommitment> {
    const rows = await trpcQuery<{ items: CommitmentRow[] }>(this.analyst, "commitments.list", { search: reference, limit: 100 });
    const row = rows.items.find((item) => item.state.iso2 === iso2 && item.recommendation.reference === reference && item.recommendation.source.title === DEMO_SOURCE);
    expect(row, `the seed has ${iso2}'s commitment of ${reference}`).toBeTruthy();
    return { id: row!.id, stateId: row!.state.id, stateName: row!.state.name, recommendationId: row!.recommendation.id, sourceId: row!.recommendation.source.id, reference };
  }
}

// ---------------------------------------------------------------------------------------------
// The fixtures

type TestFixtures = {
  /** A new page in a browser context of its own, signed in as a demo account (by email) or as `account`. */
  signedInPage: (who: string | Account, options?: { fresh?: boolean }) => Promise<Page>;
  /** Signed in as the demo analyst (the secretariat). */
  analystPage: Page;
  /** Signed in as the demo administrator. */
  adminPage: Page;
  /** Signed in as the demo focal point of this State. */
  focalPointPage: (iso2: keyof typeof DEMO.focal) => Promise<Page>;
};
type WorkerFixtures = { sessions: Sessions; demo: DemoData };

async function pageWithState(browser: Browser, storageState: StorageState, opened: BrowserContext[]) {
  const context = await browser.newContext({ storageState });
  opened.push(context);
  return context.newPage();
}

// Fixtures hand over their value with `provide` (Playwright's `use`, renamed for the React hooks lint rule).
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessions: [
    async ({ playwright }, provide) => {
      const shared = new Map<string, { since: number; session: Promise<StorageState> }>();
      await provide({
        demo(email, options = {}) {
          const account = { email, password: DEMO_PASSWORD };
          if (options.fresh) return newSession(playwright, account);
          // A session unused for 30 minutes ends: a long-lived worker signs in again well before.
          let entry = shared.get(email);
          if (!entry || Date.now() - entry.since > SHARED_SESSION_MS) {
            const session = newSession(playwright, account);
            entry = { since: Date.now(), session };
            shared.set(email, entry);
            // A failed sign-in is not kept: the next test tries again.
            session.catch(() => shared.get(email)?.session === session && shared.delete(email));
          }
          return entry.session;
        },
        of: (account) => newSession(playwright, account),
      });
    },
    { scope: "worker" },
  ],

  demo: [
    async ({ playwright, sessions }, provide) => {
      const analyst = await playwright.request.newContext({ baseURL: BASE_URL, storageState: await sessions.demo(DEMO.analyst) });
      const admin = await playwright.request.newContext({ baseURL: BASE_URL, storageState: await sessions.demo(DEMO.admin) });
      await provide(new DemoData({ request: analyst }, { request: admin }));
      await analyst.dispose();
      await admin.dispose();
    },
    { scope: "worker" },
  ],

  signedInPage: async ({ browser, sessions }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (who, options) =>
      pageWithState(browser, typeof who === "string" ? await sessions.demo(who, options) : await sessions.of(who), opened),
    );
    for (const context of opened) await context.close();
  },
  analystPage: async ({ signedInPage }, provide) => provide(await signedInPage(DEMO.analyst)),
  adminPage: async ({ signedInPage }, provide) => provide(await signedInPage(DEMO.admin)),
  focalPointPage: async ({ signedInPage }, provide) => provide((iso2) => signedInPage(DEMO.focal[iso2])),
});

// ---------------------------------------------------------------------------------------------
// Page helpers

/** The page's own alerts (Next.js adds an empty route announcer with role "alert" too). */
export function alerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** The error summary of a form ("Please correct the following"), within `scope` (a form, or the whole page). */
export function errorSummary(scope: Page | Locator) {
  const page = "page" in scope ? scope.page() : scope;
  return scope.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Please correct the following" }) });
}

/** The error summary within `scope` links to each of these messages (it may list more). */
export async function expectSummaryLinks(scope: Page | Locator, messages: string[]) {
  for (const message of messages) await expect(errorSummary(scope).getByRole("link", { name: message })).toBeVisible();
}

/** Fails with the rule and the elements when axe-core finds a serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** The page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Finds a commitment through the list's search and opens it. */
export async function openCommitmentBySearch(page: Page, search: string, reference = search) {
  await page.goto("/commitments");
  await page.getByLabel("Search").fill(search);
  await page.getByLabel("Search").press("Enter");
  const link = page.getByRole("row").filter({ hasText: reference }).getByRole("link").first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
}

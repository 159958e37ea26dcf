import { demoAccountsWithPublishedPassword } from "@/server/services/demo-accounts";

/**
 * On every page while a demo account still has the published password: anyone may sign in as
 * its administrator, so nothing real belongs here. One small indexed query per request.
 */
export async function DemoDataBanner() {
  const exposed = await demoAccountsWithPublishedPassword().catch(() => []);
  if (exposed.length === 0) return null;
  return (
    <aside className="demo-banner" aria-label="Demo data">
      <p>
        <strong>This installation holds demo data.</strong> The demo accounts still have the password published in the
        README, so anyone who can open this site can sign in with them: enter no real information.
      </p>
    </aside>
  );
}

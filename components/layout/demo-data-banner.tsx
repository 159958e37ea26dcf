/**
 * On every page while a demo account still has the published password (loadDemoDataExposed):
 * anyone may sign in as its administrator, so nothing real belongs here.
 */
export function DemoDataBanner({ exposed }: { exposed: boolean }) {
  if (!exposed) return null;
  return (
    <aside className="demo-banner" aria-label="Demo data">
      <p>
        <strong>This installation holds demo data.</strong> The demo accounts still have the password published in the
        README, so anyone who can open this site can sign in with them: enter no real information.
      </p>
    </aside>
  );
}

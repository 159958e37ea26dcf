import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "./globals.css";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/providers";
import { loadDemoDataExposed, loadSignedInUser } from "@/server/api/page-loaders";

export const metadata: Metadata = {
  title: { default: "Commitment Tracker", template: "%s · Commitment Tracker" },
  description: "Implementation of OSCE recommendations by participating States, reported, reviewed and compared.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [demoDataExposed, me] = await Promise.all([loadDemoDataExposed(), loadSignedInUser()]);
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <DemoDataBanner exposed={demoDataExposed} />
          <SiteHeader me={me} />
          <main id="main" className="page">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}

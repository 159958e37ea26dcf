import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
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
  const [demoDataExposed, me, locale] = await Promise.all([loadDemoDataExposed(), loadSignedInUser(), getLocale()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <NextIntlClientProvider>
          <Providers>
            <DemoDataBanner exposed={demoDataExposed} />
            <SiteHeader me={me} />
            <main id="main" className="page">
              {children}
            </main>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

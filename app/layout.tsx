import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "./globals.css";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/providers";
import { loadDemoDataExposed, loadSignedInUser } from "@/server/api/page-loaders";

/** Every page's title ends with the product's name; pages give their own title in the reader's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  const product = t("productName");
  return { title: { default: product, template: `%s · ${product}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [demoDataExposed, me, locale, t] = await Promise.all([loadDemoDataExposed(), loadSignedInUser(), getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipLink")}
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

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { DEMO_PASSWORD } from "@/server/services/demo-accounts";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";
import { loadDemoDataExposed } from "@/server/api/page-loaders";
import { messagesFor } from "@/server/i18n/catalogs";

/** The banner as the root layout renders it (in English). */
async function bannerMarkup() {
  const banner = createElement(DemoDataBanner, { exposed: await loadDemoDataExposed() });
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", messages: await messagesFor("en"), timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0], banner));
}

describe("T26 the demo data banner", () => {
  const email = "admin@demo.test";

  afterAll(async () => {
    await db.user.deleteMany({ where: { email } });
  });

  it("T26 shows while a demo account has the published password, and goes when that password is changed", async () => {
    expect(await bannerMarkup()).toBe("");

    const user = await db.user.create({
      data: { email, name: "Demo Administrator", role: "ADMIN", passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    const shown = await bannerMarkup();
    expect(shown).toContain("demo data");
    expect(shown).toContain('aria-label="Demo data"');

    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("a password of their own") } });
    expect(await bannerMarkup()).toBe("");
  });
});

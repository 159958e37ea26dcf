import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import { MatrixColumnPager } from "@/components/reports/matrix-sort";
import { readColumnPage } from "@/components/url-params";
import english from "@/server/i18n/messages/en/reports.json";
import french from "@/server/i18n/messages/fr/reports.json";

const filters = { stateGroup: "participating" as const, sourceId: "0190f2d4-0000-7000-8000-000000000001" };

const CATALOGS = { en: english, fr: french };

function pager(offset: number, count: number, total: number, page: number, locale: keyof typeof CATALOGS = "en") {
  const messages = { reports: CATALOGS[locale] } as unknown as Messages;
  const children = createElement(MatrixColumnPager, { columns: { offset, count, total }, page, pageSize: 200, sort: "score", filters });
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0], children));
}

describe("the matrix column pager", () => {
  it("says which recommendations are shown and links to the neighbouring pages with the filters and sort", () => {
    const html = pager(200, 200, 2000, 2);
    expect(html).toContain("Recommendations 201–400 of 2,000 (page 2 of 10)");
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[2], match[1]!.replace(/&amp;/g, "&")]);
    expect(links).toHaveLength(2);
    const [previous, next] = links.map(([, href]) => new URL(href!, "http://x"));
    expect(previous!.searchParams.get("columns")).toBeNull();
    expect(next!.searchParams.get("columns")).toBe("3");
    for (const url of [previous!, next!]) {
      expect(url.pathname).toBe("/reports/matrix");
      expect(url.searchParams.get("sort")).toBe("score");
      expect(url.searchParams.get("source")).toBe(filters.sourceId);
    }
  });

  it("has no link past either end, and nothing at all when every column fits", () => {
    const first = pager(0, 200, 450, 1);
    expect(first).toContain('<span aria-disabled="true">Previous recommendations</span>');
    expect(first).toContain("columns=2");
    const last = pager(400, 50, 450, 3);
    expect(last).toContain("Recommendations 401–450 of 450");
    expect(last).toContain('<span aria-disabled="true">Next recommendations</span>');
    expect(pager(0, 120, 120, 1)).toBe("");
  });

  it("speaks the reader's language, with the numbers in its form", () => {
    const html = pager(200, 200, 2000, 2, "fr");
    expect(html).toMatch(/Recommandations 201 à 400 sur 2[\u00a0\u202f]000 \(page 2 sur 10\)/);
    expect(html).toContain("Recommandations suivantes");
  });

  it("reads the page from the URL, and anything else is the first page", () => {
    expect(readColumnPage("3")).toBe(3);
    expect(readColumnPage(["4", "5"])).toBe(4);
    for (const bad of [undefined, "0", "-2", "1.5", "abc", "99999999"]) expect(readColumnPage(bad)).toBe(1);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CountLine, DataTable, countOf, type Column } from "@/components/ui/data-table";
import { FilterSelect, stateOptionGroups } from "@/components/ui/filter-bar";

type Row = { id: string; name: string; score: number };
const columns: Column<Row>[] = [
  { key: "name", header: "Name", rowHeader: true, sorted: "ascending", cell: (row) => row.name },
  { key: "score", header: "Score", className: "report-num", cell: (row) => row.score },
];
const table = (rows: Row[], extra: Record<string, unknown> = {}) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { caption: "States and their scores", columns, rows, rowKey: (row) => row.id, ...extra }));

describe("the data table", () => {
  it("is a named, focusable region with a caption, column headers and row headers", () => {
    const html = table([{ id: "a", name: "Austria", score: 40 }], { busy: true });
    expect(html).toMatch(/^<div class="table-wrap" role="region" aria-label="States and their scores" aria-busy="true" tabindex="0">/);
    expect(html).toContain('<caption class="visually-hidden">States and their scores</caption>');
    expect(html).toContain('<th scope="col" aria-sort="ascending">Name</th><th scope="col" class="report-num">Score</th>');
    expect(html).toContain('<tr><th scope="row">Austria</th><td class="report-num">40</td></tr>');
  });

  it("is not busy unless told, and shows what it is given instead of an empty table", () => {
    expect(table([{ id: "a", name: "Austria", score: 40 }])).not.toContain("aria-busy");
    expect(table([], { empty: createElement("p", null, "No State matches.") })).toBe("<p>No State matches.</p>");
    expect(table([])).toContain("<tbody></tbody>");
  });
});

describe("the count line and the pager position", () => {
  it("says the count, or that the rows are loading, in words", () => {
    expect(renderToStaticMarkup(createElement(CountLine, { busy: true, busyText: "Loading users…" }, "3 users"))).toBe('<p role="status">Loading users…</p>');
    expect(renderToStaticMarkup(createElement(CountLine, { busy: false, busyText: "Loading users…" }, countOf(1234, "user")))).toBe('<p role="status">1,234 users</p>');
    expect(countOf(1, "commitment")).toBe("1 commitment");
  });
});

describe("the filter select", () => {
  it("is labelled, offers the empty choice first and groups the States, leaving out an empty group", () => {
    const states = [
      { name: "Austria", iso2: "AT", kind: "PARTICIPATING" as const },
      { name: "Albania", iso2: "AL", kind: "PARTICIPATING" as const },
    ];
    const html = renderToStaticMarkup(
      createElement(FilterSelect, { id: "f-state", name: "state", label: "State", allLabel: "All States", groups: stateOptionGroups(states, (state) => state.iso2), defaultValue: "AT" }),
    );
    expect(html).toContain('<label for="f-state">State</label><select id="f-state" name="state">');
    expect(html).toContain('<option value="">All States</option><optgroup label="Participating States"><option value="AT" selected="">Austria</option><option value="AL">Albania</option></optgroup></select>');
    expect(html).not.toContain("Partners for Co-operation");
  });
});

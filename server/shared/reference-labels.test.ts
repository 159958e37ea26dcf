import { describe, expect, it } from "vitest";
import fr from "@/server/i18n/messages/fr/reference.json";
import { referenceLabels, type ReferenceCatalog } from "@/server/shared/reference-labels";

const labels = referenceLabels(fr as ReferenceCatalog, "fr");

describe("reference labels", () => {
  it("translates built-in statuses and themes by their key", () => {
    expect(labels.status({ key: "not_started", label: "Not started" })).toBe("Non commencé");
    expect(labels.theme({ key: "children", label: "Children" })).toBe(fr.themes.children);
  });

  it("shows the label an administrator gave a built-in status or theme, and the label of one added later", () => {
    expect(labels.status({ key: "not_started", label: "Not yet begun" })).toBe("Not yet begun");
    expect(labels.theme({ key: "children", label: "Children and youth" })).toBe("Children and youth");
    expect(labels.status({ key: "halfway", label: "Halfway" })).toBe("Halfway");
  });
});

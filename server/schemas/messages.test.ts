import { describe, expect, it } from "vitest";
import { validationText } from "@/server/i18n/server-messages";
import type * as z from "zod/mini";
import { ZEmail, ZNewPassword } from "@/server/schemas/auth";
import { zDateOnly, zHttpUrl, zId, zProgress } from "@/server/schemas/common";
import { ZRecordAssessmentInput, ZReturnUpdateInput, ZUpdateContent } from "@/server/schemas/commitments";
import { ZAddAddresseesInput, ZCreateRecommendationInput } from "@/server/schemas/recommendations";
import { ZCreateSourceInput } from "@/server/schemas/sources";
import { ZChangePasswordInput, ZCreateUserInput } from "@/server/schemas/users";

// The forms show these schemas' messages beside their fields, exactly as the API sends them: each
// path's first message, as the form hook (components/ui/use-checked-form.ts) reads them, in English
// (the messages travel as catalog keys; server/shared/message-keys.ts).

function firstProblems(schema: z.ZodMiniType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  const problems: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) problems[issue.path.map(String).join(".")] ??= validationText(issue.message);
  return problems;
}
const first = (schema: z.ZodMiniType, value: unknown) => Object.values(firstProblems(schema, value))[0] ?? null;

const ID = "0195b0a0-0000-7000-8000-000000000001";

const BLOCKS: [string, z.ZodMiniType, unknown, string | null][] = [
  ["email", ZEmail, "focal.at@demo.test", null],
  ["email", ZEmail, "  Focal.AT@Demo.Test  ", null],
  ["email", ZEmail, "no-at-sign", "Enter a valid email address"],
  ["email", ZEmail, "user@localhost", "Enter a valid email address"],
  ["email", ZEmail, `${"a".repeat(64)}@${"b".repeat(185)}.test`, "Email is too long"],
  ["new password", ZNewPassword, "1234567", "Password must be at least 8 characters"],
  ["new password", ZNewPassword, "x".repeat(129), "Password must be at most 128 characters"],
  ["new password", ZNewPassword, "pass\u0000word", "Password must not contain NUL characters"],
  ["new password", ZNewPassword, "demo-password-2017", null],
  ["progress", zProgress, Number.NaN, "Progress must be a number from 0 to 100"],
  ["progress", zProgress, 12.5, "Progress must be a whole number"],
  ["progress", zProgress, -1, "Progress must be at least 0"],
  ["progress", zProgress, 101, "Progress must be at most 100"],
  ["progress", zProgress, 40, null],
  ["date", zDateOnly, "2024-02-29", null],
  ["date", zDateOnly, "2025-02-29", "Enter a date as YYYY-MM-DD"],
  ["date", zDateOnly, "0000-01-01", "Enter a date as YYYY-MM-DD"],
  ["date", zDateOnly, "31.12.2026", "Enter a date as YYYY-MM-DD"],
  ["link", zHttpUrl("link"), "  https://example.test/a  ", null],
  ["link", zHttpUrl("link"), "", "Link is required"],
  ["link", zHttpUrl("link"), "javascript:alert(1)", "Link must be a web address starting with http:// or https://"],
  ["link", zHttpUrl("link"), `https://example.test/${"a".repeat(1990)}`, "Link must be at most 2,000 characters"],
  ["id", zId, "not-an-id", "Not a valid id"],
  ["id", zId, ID, null],
];

describe("the messages of the shared building blocks", () => {
  it.each(BLOCKS)("%s, case %#", (_name, schema, value, message) => {
    expect(first(schema, value)).toBe(message);
  });

  it("lower-cases and trims an email", () => {
    expect(ZEmail.parse("  Focal.AT@Demo.Test ")).toBe("focal.at@demo.test");
  });
});

describe("the forms' schemas name each field's first problem", () => {
  it("the update form: every field, evidence rows by index, NUL after length", () => {
    expect(
      firstProblems(ZUpdateContent, {
        statusId: ID,
        progress: 101,
        narrative: `${"n".repeat(10_001)}\u0000`,
        reportingPeriod: "a\ud800",
        evidence: [{ title: "ok", url: "https://ok.test", isPublic: true }, { title: " ", url: "ftp://x", isPublic: false }],
      }),
    ).toEqual({
      progress: "Progress must be at most 100",
      narrative: "Progress note must be at most 10,000 characters",
      reportingPeriod: "Reporting period contains invalid characters",
      "evidence.1.title": "Evidence title is required",
      "evidence.1.url": "Evidence URL must be a web address starting with http:// or https://",
    });
    const links = Array.from({ length: 21 }, (_, index) => ({ title: `Link ${index}`, url: `https://example.test/${index}`, isPublic: true }));
    expect(firstProblems(ZUpdateContent, { statusId: ID, progress: 0, narrative: "", evidence: links })).toEqual({ evidence: "At most 20 evidence links" });
  });

  it("the review forms: a returned update needs a comment, an assessment a rationale", () => {
    expect(firstProblems(ZReturnUpdateInput, { updateId: ID, expectedVersion: 1, comment: "   " })).toEqual({ comment: "Review comment is required" });
    expect(firstProblems(ZRecordAssessmentInput, { commitmentId: ID, expectedVersion: 1, statusId: ID, rationale: "", isPublic: false })).toEqual({ rationale: "Rationale is required" });
  });

  it("the user forms", () => {
    expect(firstProblems(ZCreateUserInput, { name: " ", email: "x", role: "", stateId: null, password: "short", mustChangePassword: true })).toEqual({
      name: "Name is required",
      email: "Enter a valid email address",
      role: "Choose a role",
      password: "Password must be at least 8 characters",
    });
    expect(firstProblems(ZChangePasswordInput, { currentPassword: "", newPassword: "demo-password-2017" })).toEqual({ currentPassword: "Enter your current password" });
  });

  it("the recommendation, source and add-States forms", () => {
    expect(
      firstProblems(ZCreateRecommendationInput, { sourceId: ID, reference: "", text: "Text", themeKeys: [], addressAllParticipating: true, addresseeStateIds: [], dueDate: "2026-13-01" }),
    ).toEqual({ reference: "Reference is required", dueDate: "Enter a date as YYYY-MM-DD" });
    expect(firstProblems(ZCreateRecommendationInput, { sourceId: ID, reference: "R", text: "Text", addressAllParticipating: false, addresseeStateIds: [] })).toEqual({
      addresseeStateIds: "Address the recommendation to all participating States or choose at least one State",
    });
    expect(firstProblems(ZCreateSourceInput, { title: "T", kind: "", date: "", location: null, link: "ftp://x", description: null })).toEqual({
      kind: "Choose the kind of source",
      date: "Enter a date as YYYY-MM-DD",
      link: "Link must be a web address starting with http:// or https://",
    });
    expect(firstProblems(ZAddAddresseesInput, { recommendationId: ID, expectedVersion: 1, stateIds: [] })).toEqual({ stateIds: "Choose at least one State" });
  });
});

describe("the same checks in the reader's language", () => {
  const inFrench = (schema: z.ZodMiniType, value: unknown) => {
    const problems: Record<string, string> = {};
    for (const issue of schema.safeParse(value).error?.issues ?? []) problems[issue.path.map(String).join(".")] ??= validationText(issue.message, "fr");
    return problems;
  };

  it("names the field and formats the limit as the language does", () => {
    expect(inFrench(ZUpdateContent, { statusId: ID, progress: 101, narrative: "n".repeat(10_001), evidence: [{ title: " ", url: "https://ok.test", isPublic: true }] })).toEqual({
      progress: "L'avancement ne doit pas dépasser 100",
      narrative: "Le champ « Note d'avancement » ne doit pas dépasser 10\u202f000 caractères",
      "evidence.0.title": "Le champ « Titre du justificatif » est obligatoire",
    });
    expect(inFrench(ZCreateUserInput, { name: "Ana", email: "x", role: "", stateId: null, password: "short", mustChangePassword: true })).toEqual({
      email: "Saisissez une adresse électronique valide",
      role: "Choisissez un rôle",
      password: "Le mot de passe doit comporter au moins 8 caractères",
    });
  });

  it("leaves text that is not a key as it is (zod's own messages for malformed calls)", () => {
    expect(validationText("Invalid input", "fr")).toBe("Invalid input");
    expect(validationText("Some.thing odd", "fr")).toBe("Some.thing odd");
  });
});

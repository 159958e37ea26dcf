import { describe, expect, it } from "vitest";
import { createRequestContext } from "@/server/api/trpc";
import { contextFor, createTestUser, uniqueSuffix } from "@/server/test/factories";
import { sendInput } from "@/server/test/trpc-http";

// Through the real HTTP handler and error formatter, the API's refusals come in the reader's
// language: the request's locale cookie (or Accept-Language) chooses it, English when nothing does.

type Answer = { error: { message: string; data: { zodError: { fieldErrors: Record<string, string[]> } | null; conflict: { changedBy: string | null } | null } } };
const errorOf = (body: string) => (JSON.parse(body) as Answer).error;

/** The context the API builds for a request with these headers, as the given user. */
async function contextWith(headers: Record<string, string>, userId: string) {
  const request = await createRequestContext(new Request("http://localhost/api/trpc/users.create", { headers }));
  return { ...(await contextFor(userId)), locale: request.locale };
}

const badUser = () => ({ name: " ", email: "x", role: "ANALYST", password: "short", mustChangePassword: false });

describe("the API's messages in the reader's language", () => {
  it("gives a French reader French field errors (the locale cookie)", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const answer = await sendInput("users.create", "mutation", badUser(), await contextWith({ cookie: "locale=fr" }, admin.id));
    expect(answer.status).toBe(400);
    const error = errorOf(answer.body);
    expect(error.message).toBe("Certains champs sont à corriger.");
    expect(error.data.zodError?.fieldErrors).toEqual({
      name: ["Le champ « Nom » est obligatoire"],
      email: ["Saisissez une adresse électronique valide"],
      password: ["Le mot de passe doit comporter au moins 8 caractères"],
    });
  });

  it("keeps English, word for word, when nothing asks for another language", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const answer = await sendInput("users.create", "mutation", badUser(), await contextWith({}, admin.id));
    expect(errorOf(answer.body).data.zodError?.fieldErrors).toEqual({
      name: ["Name is required"],
      email: ["Enter a valid email address"],
      password: ["Password must be at least 8 characters"],
    });
  });

  it("says who changed a record meanwhile in French (Accept-Language), keeping the conflict's details", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const context = await contextWith({ "accept-language": "fr-CH, fr;q=0.9, en;q=0.5" }, admin.id);
    const target = await createTestUser({ role: "ANALYST" });
    const read = target.updatedAt.toISOString();
    const renamed = await sendInput("users.update", "mutation", { id: target.id, expectedUpdatedAt: read, name: `Renamed ${uniqueSuffix()}` }, context);
    expect(renamed.status).toBe(200);
    const stale = await sendInput("users.update", "mutation", { id: target.id, expectedUpdatedAt: read, name: "Too late" }, context);
    expect(stale.status).toBe(409);
    const error = errorOf(stale.body);
    expect(error.message).toMatch(/^Ce compte a été modifié par .+ le \d{4}-\d{2}-\d{2}T[\d:.]+Z\. Rechargez et réessayez\.$/);
    expect(error.message).toContain(admin.name);
    expect(error.data.conflict?.changedBy).toBe(admin.name);
  });

  it("refuses in French too: a domain refusal and a missing sign-in", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const context = await contextWith({ cookie: "locale=fr" }, admin.id);
    const self = await sendInput("users.setActive", "mutation", { id: admin.id, active: false }, context);
    expect(errorOf(self.body).message).toBe("Vous ne pouvez pas désactiver votre propre compte.");
    const visitor = await createRequestContext(new Request("http://localhost/api/trpc/users.list", { headers: { cookie: "locale=fr" } }));
    const me = await sendInput("users.list", "query", {}, visitor);
    expect(me.status).toBe(401);
    expect(errorOf(me.body).message).toBe("Connectez-vous pour continuer.");
  });
});

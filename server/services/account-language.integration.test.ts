import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { actorFor, callerAs, callerFor } from "@/server/test/factories";

const localeOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;

describe("account.setLanguage", () => {
  it("keeps the chosen language in the user's profile, where the next request finds it", async () => {
    const { caller, user } = await callerFor("FOCAL_POINT", "AT");
    expect(await localeOf(user.id)).toBeNull();

    await expect(caller.account.setLanguage({ locale: "ru" })).resolves.toEqual({ locale: "ru" });
    expect(await localeOf(user.id)).toBe("ru");
    expect((await actorFor(user.id)).locale).toBe("ru");

    await caller.account.setLanguage({ locale: "es" });
    expect(await localeOf(user.id)).toBe("es");
  });

  it("refuses a language the interface does not have, with a clear error, and changes nothing", async () => {
    const { caller, user } = await callerFor("ANALYST");
    await caller.account.setLanguage({ locale: "de" });

    for (const locale of ["pt", "EN", "fr-FR", "", 7]) {
      const error = await caller.account.setLanguage({ locale } as never).catch((failure: unknown) => failure);
      expect(error, String(locale)).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((error as Error).message)).toContain("Choose one of the interface languages: en, fr, de, it, ru, es");
    }
    expect(await localeOf(user.id)).toBe("de");
  });

  it("answers UNAUTHORIZED to a visitor", async () => {
    const caller = await callerAs("public");
    await expect(caller.account.setLanguage({ locale: "fr" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

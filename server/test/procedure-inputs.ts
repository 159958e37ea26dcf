import { systemActor } from "@/server/services/core/system-actor";
import { db } from "@/server/db/client";
import { createRecommendation } from "@/server/services/recommendations/drafting";
import { createPublishedCommitments, createTestUser, stateByIso2, TEST_PASSWORD, uniqueSuffix } from "@/server/test/factories";

/**
 * Valid input for every tRPC procedure, built on fresh rows at each call, so that a call that is
 * allowed succeeds (a refusal then proves a permission check, never a validation error). Rows a
 * State owns belong to `OWN_STATE`.
 */
export const OWN_STATE = "AT";
export const OTHER_STATE = "IT";

type InputBuilder = () => Promise<unknown>;

const content = (statusId: string) => ({
  statusId,
  progress: 40,
  narrative: "A bill on temporary residency was tabled in parliament.",
  evidence: [{ title: "Draft law", url: "https://parliament.example/bill", isPublic: true }],
});

/** A published recommendation with a commitment of the own State, and its scale's statuses. */
async function ownCommitment() {
  const world = await createPublishedCommitments([OWN_STATE]);
  return { world, commitmentId: world.commitments[OWN_STATE]!.id, statuses: world.statuses };
}

/** An update of the own State's commitment, written directly: a draft or a submitted one. */
async function ownUpdate(reviewState: "DRAFT" | "SUBMITTED") {
  const { commitmentId, statuses } = await ownCommitment();
  const author = await createTestUser({ role: "FOCAL_POINT", stateIso2: OWN_STATE });
  const update = await db.progressUpdate.create({
    data: {
      commitmentId,
      authorId: author.id,
      statusId: statuses.in_progress!.id,
      progress: 40,
      narrative: "Reported for the access test.",
      reviewState,
      submittedAt: reviewState === "SUBMITTED" ? new Date() : null,
    },
  });
  return { updateId: update.id, expectedVersion: update.version };
}

async function draftRecommendation() {
  const source = await db.source.create({ data: { title: `Access source ${uniqueSuffix()}`, kind: "CONFERENCE", date: new Date("2026-01-01T00:00:00Z") } });
  const austria = await stateByIso2(OWN_STATE);
  const recommendation = await createRecommendation(systemActor("test"), {
    sourceId: source.id,
    reference: `ACC-${uniqueSuffix()}`,
    text: "Ensure access to justice for victims.",
    themeKeys: [],
    addressAllParticipating: false,
    addresseeStateIds: [austria.id],
    translations: [],
  });
  return { id: recommendation.id, version: recommendation.version };
}

async function someUser() {
  return createTestUser({ role: "FOCAL_POINT", stateIso2: "FR" });
}

const statuses = (suffix: string) => [
  { key: `a${suffix}`, label: `Open ${suffix}`, defaultProgress: 0, countsTowardsAverage: true, odihrLevel: "NOT_IMPLEMENTED" },
  { key: `b${suffix}`, label: `Done ${suffix}`, defaultProgress: 100, countsTowardsAverage: true, odihrLevel: "FULLY" },
];

export const PROCEDURE_INPUTS: Record<string, InputBuilder> = {
  "account.me": async () => undefined,
  "account.profile": async () => undefined,
  "account.changePassword": async () => ({ currentPassword: TEST_PASSWORD, newPassword: `new password ${uniqueSuffix()}` }),
  "account.signOutEverywhere": async () => ({}),
  "account.setLanguage": async () => ({ locale: "fr" }),

  "users.list": async () => ({}),
  "users.get": async () => ({ id: (await someUser()).id }),
  "users.create": async () => ({ name: "New Analyst", email: `new-${uniqueSuffix()}@test.example`, role: "ANALYST", password: `password ${uniqueSuffix()}` }),
  "users.update": async () => {
    const user = await someUser();
    return { id: user.id, expectedUpdatedAt: user.updatedAt.toISOString(), name: "Renamed Person" };
  },
  "users.setActive": async () => ({ id: (await someUser()).id, active: false }),
  "users.resetPassword": async () => ({ id: (await someUser()).id, newPassword: `reset password ${uniqueSuffix()}` }),

  "sources.list": async () => ({}),
  "sources.get": async () => ({ id: (await ownCommitment()).world.source.id }),
  "sources.create": async () => ({
    title: `Source ${uniqueSuffix()}`,
    kind: "CONFERENCE",
    date: "2026-03-01",
    translations: [{ locale: "fr", title: "Conférence sur la traite des êtres humains", description: null }],
  }),
  "sources.update": async () => {
    const source = await db.source.create({ data: { title: `Source ${uniqueSuffix()}`, kind: "CONFERENCE", date: new Date("2026-01-01T00:00:00Z") } });
    return {
      id: source.id,
      expectedVersion: source.version,
      title: `Renamed ${uniqueSuffix()}`,
      translations: [{ locale: "de", title: "Umbenannte Quelle", description: "Beschreibung auf Deutsch" }],
    };
  },

  "sources.publishDrafts": async () => ({ sourceId: (await db.recommendation.findUniqueOrThrow({ where: { id: (await draftRecommendation()).id } })).sourceId }),

  "scales.list": async () => undefined,
  "scales.get": async () => ({ id: (await db.statusScale.findFirstOrThrow({ where: { isDefault: true } })).id }),
  "scales.create": async () => {
    const suffix = uniqueSuffix();
    return { name: `Scale ${suffix}`, statuses: statuses(suffix) };
  },
  "scales.update": async () => {
    const suffix = uniqueSuffix();
    const scale = await db.statusScale.create({ data: { name: `Scale ${suffix}`, statuses: { create: statuses(suffix).map((status, position) => ({ ...status, position, odihrLevel: status.odihrLevel as "FULLY" })) } } });
    return { id: scale.id, expectedVersion: scale.version, name: `Renamed scale ${suffix}` };
  },

  "themes.list": async () => undefined,
  "themes.create": async () => ({ label: `Theme ${uniqueSuffix()}` }),
  "themes.rename": async () => {
    const theme = await db.theme.create({ data: { key: `rename-${uniqueSuffix()}`, label: `Theme ${uniqueSuffix()}` } });
    return { id: theme.id, expectedVersion: theme.version, label: `Renamed theme ${uniqueSuffix()}` };
  },
  "themes.merge": async () => {
    const [from, into] = [await db.theme.create({ data: { key: `from-${uniqueSuffix()}`, label: `From ${uniqueSuffix()}` } }), await db.theme.create({ data: { key: `into-${uniqueSuffix()}`, label: `Into ${uniqueSuffix()}` } })];
    return { id: from.id, expectedVersion: from.version, intoId: into.id, intoExpectedVersion: into.version };
  },

  "recommendations.list": async () => ({}),
  "recommendations.get": async () => ({ id: (await ownCommitment()).world.recommendation.id }),
  "recommendations.themes": async () => undefined,
  "recommendations.createTheme": async () => {
    const suffix = uniqueSuffix();
    return { key: `theme-${suffix}`, label: `Theme ${suffix}` };
  },
  "recommendations.create": async () => {
    const { world } = await ownCommitment();
    return {
      sourceId: world.source.id,
      reference: `NEW-${uniqueSuffix()}`,
      text: "Train border guards.",
      addressAllParticipating: true,
      translations: [{ locale: "fr", text: "Former les gardes-frontières." }],
    };
  },
  "recommendations.update": async () => {
    const draft = await draftRecommendation();
    return {
      id: draft.id,
      expectedVersion: draft.version,
      text: "Train labour inspectors.",
      translations: [{ locale: "ru", text: "Обучать трудовых инспекторов." }],
    };
  },
  "recommendations.saveTranslations": async () => {
    const draft = await draftRecommendation();
    return { id: draft.id, expectedVersion: draft.version, translations: [{ locale: "es", text: "Garantizar el acceso a la justicia para las víctimas." }] };
  },
  "recommendations.delete": async () => {
    const draft = await draftRecommendation();
    return { id: draft.id, expectedVersion: draft.version };
  },
  "recommendations.publish": async () => {
    const draft = await draftRecommendation();
    return { recommendationId: draft.id, expectedVersion: draft.version };
  },
  "recommendations.addAddressees": async () => {
    const { world } = await ownCommitment();
    return { recommendationId: world.recommendation.id, expectedVersion: 1, stateIds: [(await stateByIso2("FR")).id] };
  },
  "recommendations.setDueDate": async () => {
    const { world } = await ownCommitment();
    return { recommendationId: world.recommendation.id, expectedVersion: world.recommendation.version, dueDate: "2031-12-31" };
  },

  "commitments.list": async () => ({}),
  "commitments.get": async () => ({ id: (await ownCommitment()).commitmentId }),
  "commitments.history": async () => ({ id: (await ownCommitment()).commitmentId }),
  "commitments.statusAsOf": async () => ({ id: (await ownCommitment()).commitmentId, date: "2026-01-01" }),
  "commitments.saveDraft": async () => {
    const { commitmentId, statuses } = await ownCommitment();
    return { commitmentId, content: content(statuses.in_progress!.id) };
  },
  "commitments.saveAndSubmit": async () => {
    const { commitmentId, statuses } = await ownCommitment();
    return { commitmentId, content: content(statuses.in_progress!.id) };
  },
  "commitments.submitUpdate": async () => ownUpdate("DRAFT"),
  "commitments.deleteDraft": async () => ownUpdate("DRAFT"),
  "commitments.setDueDate": async () => ({ commitmentId: (await ownCommitment()).commitmentId, expectedVersion: 1, dueDate: "2031-06-30" }),

  "review.queue": async () => ({}),
  "review.accept": async () => ownUpdate("SUBMITTED"),
  "review.return": async () => ({ ...(await ownUpdate("SUBMITTED")), comment: "Please attach the law." }),
  "review.assess": async () => {
    const { commitmentId, statuses } = await ownCommitment();
    return { commitmentId, expectedVersion: 1, statusId: statuses.planned!.id, rationale: "Only planned so far.", isPublic: false };
  },

  "reports.matrix": async () => ({ sourceId: (await ownCommitment()).world.source.id }),
  "reports.recommendation": async () => ({ recommendationId: (await ownCommitment()).world.recommendation.id }),
  "reports.state": async () => ({ stateId: (await stateByIso2(OWN_STATE)).id, sourceId: (await ownCommitment()).world.source.id }),
  "reports.trend": async () => ({ sourceId: (await ownCommitment()).world.source.id }),
  "reports.overdue": async () => ({ sourceId: (await ownCommitment()).world.source.id }),

  "audit.history": async () => ({ entity: "commitment", id: (await ownCommitment()).commitmentId }),
  "audit.log": async () => ({ action: "commitment.created" }),
  "audit.logOptions": async () => undefined,
};

import "server-only";
import { translationFor } from "@/server/services/core/content-language";
import { presentReaderText, type TranslatedRow } from "@/server/services/recommendations/reading";
import { presentSourceReference, sourceReferenceSelect } from "@/server/services/sources";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import {
  assessmentScope,
  commitmentScope,
  evidenceScope,
  isFocalPoint,
  isSecretariat,
  updateScope,
} from "@/server/services/access";
import { DomainError } from "@/server/services/errors";
import { themesOf, withThemes } from "@/server/services/recommendations/themes";
import { endOfDayUtc, startOfTodayUtc } from "@/server/services/core/dates";

const statusSelect = {
  id: true,
  key: true,
  label: true,
  position: true,
  defaultProgress: true,
  countsTowardsAverage: true,
  odihrLevel: true,
} as const;

export const commitmentSummarySelect = {
  id: true,
  version: true,
  voluntary: true,
  acceptedProgress: true,
  acceptedAt: true,
  dueDate: true,
  updatedAt: true,
  acceptedStatus: { select: statusSelect },
  state: { select: { id: true, name: true, iso2: true, kind: true } },
  recommendation: {
    select: {
      id: true,
      reference: true,
      text: true,
      source: { select: { id: true, title: true } },
    },
  },
} as const;

/** Overdue: the due date has passed and no update has been accepted. */
export function isOverdue(commitment: { dueDate: Date | null; acceptedAt: Date | null }, now = new Date()) {
  return commitment.dueDate !== null && commitment.dueDate < startOfTodayUtc(now) && commitment.acceptedAt === null;
}

/** A commitment's recommendation for a reader: its text and its source's title in their language (or the marked original). */
function readerRecommendation<T extends TranslatedRow & { themes: { theme: unknown }[]; source: Parameters<typeof presentSourceReference>[0] }>(
  recommendation: T,
  locale: Locale,
) {
  return { ...presentReaderText(withThemes(recommendation), locale), source: presentSourceReference(recommendation.source, locale) };
}

/** Loads a commitment in the actor's scope; anything else is NOT_FOUND, like a missing id. */
export async function findCommitmentInScope<S extends Prisma.CommitmentSelect>(
  actor: Actor,
  id: string,
  select: S,
  client: Prisma.TransactionClient | typeof db = db,
) {
  const commitment = await client.commitment.findFirst({ where: { AND: [{ id }, commitmentScope(actor)] }, select });
  if (!commitment) throw new DomainError("NOT_FOUND", "notFound.commitment");
  return commitment;
}

/**
 * A commitment's version and last-change time also move on internal changes (an internal
 * assessment), so the public gets no version (it never writes) and, as "last changed", the time
 * of the last public change: the latest acceptance, or the publication.
 */
export function publicChangedAt(commitment: { acceptedAt: Date | null; createdAt: Date }): Date {
  return commitment.acceptedAt ?? commitment.createdAt;
}

/** `publicChangedAt` in SQL over "Commitment" c, or the real "updatedAt" for signed-in readers. */
export function changedAtSql(actor: Actor): Prisma.Sql {
  return actor.kind === "user" ? Prisma.sql`c."updatedAt"` : Prisma.sql`COALESCE(c."acceptedAt", c."createdAt")`;
}

function personName(actor: Actor, person: { name: string } | null | undefined): string | null {
  // The public sees what a State reported, not who in a ministry did what.
  if (actor.kind !== "user" || !person) return null;
  return person.name;
}

/** One commitment with its recommendation, accepted status, open update and latest assessment. */
export async function getCommitment(actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE) {
  const commitment = await findCommitmentInScope(actor, id, {
    ...commitmentSummarySelect,
    createdAt: true,
    updatedById: true,
    recommendation: {
      select: {
        id: true,
        reference: true,
        text: true,
        language: true,
        translations: { select: { locale: true, text: true }, ...translationFor(locale) },
        dueDate: true,
        publication: true,
        sourcePassage: true,
        sourcePassageBy: true,
        fromSpeech: true,
        source: { select: { ...sourceReferenceSelect(locale), location: true, link: true } },
        themes: themesOf({ key: true, label: true }),
        scale: { select: { id: true, name: true, statuses: { select: statusSelect, orderBy: { position: "asc" } } } },
      },
    },
  });

  const openUpdate = isFocalPoint(actor) || isSecretariat(actor)
    ? await db.progressUpdate.findFirst({
        where: { AND: [{ commitmentId: id, reviewState: { in: ["DRAFT", "SUBMITTED"] } }, updateScope(actor)] },
        select: updateDetailSelect(actor),
      })
    : null;
  const lastReturned = isFocalPoint(actor) || isSecretariat(actor)
    ? await db.progressUpdate.findFirst({
        where: { AND: [{ commitmentId: id, reviewState: "RETURNED" }, updateScope(actor)] },
        orderBy: { reviewedAt: "desc" },
        select: updateDetailSelect(actor),
      })
    : null;
  const assessment = await db.assessment.findFirst({
    where: { AND: [{ commitmentId: id }, assessmentScope(actor)] },
    orderBy: { createdAt: "desc" },
    select: { id: true, rationale: true, isPublic: true, createdAt: true, status: { select: statusSelect }, assessor: { select: { name: true } } },
  });
  const updatedBy = commitment.updatedById && actor.kind === "user"
    ? await db.user.findUnique({ where: { id: commitment.updatedById }, select: { name: true } })
    : null;

  const signedIn = actor.kind === "user";
  return {
    ...commitment,
    recommendation: readerRecommendation(commitment.recommendation, locale),
    version: signedIn ? commitment.version : null,
    updatedAt: signedIn ? commitment.updatedAt : publicChangedAt(commitment),
    updatedById: undefined,
    updatedByName: updatedBy?.name ?? null,
    overdue: isOverdue(commitment),
    openUpdate: openUpdate ? shapeUpdate(actor, openUpdate) : null,
    lastReturnedUpdate: lastReturned ? shapeUpdate(actor, lastReturned) : null,
    assessment: assessment
      ? { ...assessment, assessor: undefined, assessorName: personName(actor, assessment.assessor) }
      : null,
  };
}

function updateDetailSelect(actor: Actor) {
  return {
    id: true,
    reviewState: true,
    version: true,
    progress: true,
    narrative: true,
    reportingPeriod: true,
    reviewComment: true,
    createdAt: true,
    updatedAt: true,
    submittedAt: true,
    reviewedAt: true,
    status: { select: statusSelect },
    author: { select: { name: true } },
    reviewer: { select: { name: true } },
    evidence: {
      where: evidenceScope(actor),
      orderBy: { position: "asc" },
      select: { id: true, title: true, url: true, isPublic: true },
    },
  } as const satisfies Prisma.ProgressUpdateSelect;
}

type UpdateRow = Prisma.ProgressUpdateGetPayload<{ select: ReturnType<typeof updateDetailSelect> }>;

function shapeUpdate(actor: Actor, update: UpdateRow) {
  const { author, reviewer, ...rest } = update;
  return { ...rest, authorName: personName(actor, author), reviewerName: personName(actor, reviewer) };
}

export type TimelineEntry = {
  at: Date;
  kind: "created" | "update_submitted" | "update_accepted" | "update_returned" | "assessment" | "status_accepted";
  actorName: string | null;
  status: { key: string; label: string } | null;
  progress: number | null;
  comment: string | null;
  updateId: string | null;
  evidence: { title: string; url: string; isPublic: boolean }[];
};

/**
 * The review comment is a word between the secretariat and the State: its focal points and the
 * secretariat read it, the public never does (the focal point's note, by contrast, becomes public
 * when the update is accepted).
 */
function reviewCommentFor(actor: Actor, comment: string | null): string | null {
  return isSecretariat(actor) || isFocalPoint(actor) ? comment : null;
}

/**
 * The history of a commitment, oldest first: submitted, returned and accepted updates (with
 * review comments for the State and the secretariat), assessments, and each change of the
 * accepted status. Drafts never appear.
 */
export async function getCommitmentHistory(actor: Actor, id: string): Promise<TimelineEntry[]> {
  await findCommitmentInScope(actor, id, { id: true });
  const [updates, assessments, changes] = await Promise.all([
    db.progressUpdate.findMany({
      where: { AND: [{ commitmentId: id, reviewState: { not: "DRAFT" } }, updateScope(actor)] },
      select: updateDetailSelect(actor),
    }),
    db.assessment.findMany({
      where: { AND: [{ commitmentId: id }, assessmentScope(actor)] },
      select: { createdAt: true, rationale: true, status: { select: { key: true, label: true } }, assessor: { select: { name: true } } },
    }),
    db.commitmentStatusChange.findMany({
      where: { commitmentId: id },
      select: { effectiveAt: true, progress: true, updateId: true, status: { select: { key: true, label: true } } },
    }),
  ]);

  const entries: TimelineEntry[] = [];
  for (const update of updates) {
    const evidence = update.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic }));
    const base = { status: { key: update.status.key, label: update.status.label }, progress: update.progress, updateId: update.id };
    if (update.submittedAt) {
      entries.push({ ...base, at: update.submittedAt, kind: "update_submitted", actorName: personName(actor, update.author), comment: update.narrative || null, evidence });
    }
    if (update.reviewedAt && (update.reviewState === "ACCEPTED" || update.reviewState === "RETURNED")) {
      entries.push({
        ...base,
        at: update.reviewedAt,
        kind: update.reviewState === "ACCEPTED" ? "update_accepted" : "update_returned",
        actorName: personName(actor, update.reviewer),
        comment: reviewCommentFor(actor, update.reviewComment),
        evidence: [],
      });
    }
  }
  for (const assessment of assessments) {
    entries.push({
      at: assessment.createdAt,
      kind: "assessment",
      actorName: personName(actor, assessment.assessor),
      status: assessment.status,
      progress: null,
      comment: assessment.rationale,
      updateId: null,
      evidence: [],
    });
  }
  for (const change of changes) {
    entries.push({
      at: change.effectiveAt,
      kind: change.updateId ? "status_accepted" : "created",
      actorName: null,
      status: change.status,
      progress: change.progress,
      comment: null,
      updateId: change.updateId,
      evidence: [],
    });
  }
  const order: Record<TimelineEntry["kind"], number> = {
    created: 0, update_submitted: 1, update_returned: 2, update_accepted: 3, status_accepted: 4, assessment: 5,
  };
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || order[a.kind] - order[b.kind]);
}

/** The accepted status at the end of calendar day `date` (UTC), or null before the commitment existed. */
export async function getStatusAsOf(actor: Actor, id: string, date: string) {
  await findCommitmentInScope(actor, id, { id: true });
  const change = await db.commitmentStatusChange.findFirst({
    where: { commitmentId: id, effectiveAt: { lte: endOfDayUtc(date) } },
    orderBy: { effectiveAt: "desc" },
    select: { effectiveAt: true, progress: true, status: { select: statusSelect } },
  });
  return change ? { asOf: date, status: change.status, progress: change.progress, acceptedAt: change.effectiveAt } : null;
}


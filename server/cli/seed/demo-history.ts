// The demo history: what a few years of reporting on the 2017 Alliance recommendations could look
// like, so that a fresh demo's reports are not flat. Every piece is written through the services
// the app uses (updates submitted by a State's focal point, accepted, returned and assessed by the
// secretariat, a UPR list imported with the importer and published as a whole), dated in the past
// where the services take a time, and every text says it is demo data. Demo mode only.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { userActorOf, type UserActor } from "@/server/services/access";
import { recordAssessment } from "@/server/services/assessments";
import { importRecommendationFile, checkRecommendationFile } from "@/server/services/imports/import-recommendations";
import { acceptUpdate, returnUpdate } from "@/server/services/progress-updates/review";
import { writeUpdate } from "@/server/services/progress-updates/focal-point";
import { publishSourceDrafts } from "@/server/services/recommendations/publishing";
import { updateSource } from "@/server/services/sources";
import { ALLIANCE_2017_CLOSED, ALLIANCE_2017_SOURCE } from "@/server/cli/seed/alliance-2017";

/**
 * The States with a demo history: a few dozen participating States. The States of the demo focal
 * points (Austria, Germany, Italy) start clean, so that a visitor signing in as one of them walks
 * the journeys from the first update.
 */
export const DEMO_HISTORY_STATES = [
  "AL", "AM", "AZ", "BE", "BA", "BG", "CA", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GE",
  "GR", "HU", "IE", "KZ", "LV", "LT", "LU", "KG", "MN", "ME", "NL", "MK", "NO", "PL", "RO", "RS", "SK",
  "SI", "ES", "SE", "CH", "TR", "UA", "GB", "US",
] as const;

/** The demo UPR list (the UN database's layout), imported through the importer. */
export const DEMO_UPR_FILE = path.join(process.cwd(), "prisma", "data", "demo-upr-recommendations.csv");

const DEMO = "Demo data";

/** What a focal point writes with each status of the default scale (by key). */
const NARRATIVES: Record<string, string> = {
  planned: `${DEMO}: an inter-ministerial working group has been set up, with a timetable to act on this recommendation.`,
  in_progress: `${DEMO}: draft legislation and guidance are before the government; training of frontline staff has begun.`,
  partially_implemented: `${DEMO}: the main measures are in force; implementing rules and monitoring are still being completed.`,
  implemented: `${DEMO}: the measures are in force and applied; the first annual review found them working as intended.`,
};

const RETURN_COMMENT = `${DEMO}: please add a link to the adopted text and say from when it applies.`;
const ASSESSMENT_RATIONALE = `${DEMO}: the secretariat's own review finds the law adopted but not yet applied in practice; the State reports more than the evidence shows.`;
const UPR_DESCRIPTION =
  `${DEMO}: sample rows in the layout of the UN's UPR recommendation database, written for this demonstration ` +
  "and imported with Import recommendations; they are not the recommendations of that session.";

const DAY = 24 * 60 * 60 * 1000;
/** The history runs from the conference to the end of the third quarter of 2026. */
const FIRST_UPDATE = Date.UTC(2017, 6, 1);
const LAST_UPDATE = Date.UTC(2026, 8, 30);

/** A small deterministic random generator (mulberry32): the same demo on every install. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quarterOf(date: Date) {
  return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

async function userActor(db: Db, email: string): Promise<UserActor> {
  const { state, ...user } = await db.user.findUniqueOrThrow({ where: { email }, include: { state: true } });
  return userActorOf({ ...user, stateName: state?.name ?? null, stateIso2: state?.iso2 ?? null, mustChangePassword: false }, null);
}

/**
 * Each history State's demo focal point: an account that reported in the past and cannot sign in
 * (deactivated, with a password nobody knows), named as demo data.
 */
async function demoReporters(db: Db) {
  const passwordHash = await hashPassword(crypto.randomBytes(32).toString("base64url"));
  const states = await db.state.findMany({ where: { iso2: { in: [...DEMO_HISTORY_STATES] } }, orderBy: { iso2: "asc" } });
  const reporters: { stateId: string; actor: UserActor }[] = [];
  for (const state of states) {
    const email = `demo.reporter.${state.iso2.toLowerCase()}@demo.test`;
    await db.user.upsert({
      where: { email },
      create: { email, name: `Demo focal point (${state.name})`, role: "FOCAL_POINT", stateId: state.id, passwordHash, active: false },
      update: {},
    });
    reporters.push({ stateId: state.id, actor: await userActor(db, email) });
  }
  return reporters;
}

type Status = { id: string; key: string; defaultProgress: number };

/** Submits an update as the State's focal point at `at`; answers its id and version. */
async function submit(reporter: UserActor, commitmentId: string, status: Status, at: Date) {
  const content = { statusId: status.id, progress: status.defaultProgress, narrative: NARRATIVES[status.key] ?? DEMO, reportingPeriod: quarterOf(at), evidence: [] };
  return writeUpdate(reporter, { commitmentId, content }, { submit: true, now: at });
}

/**
 * Writes the demo history of the 2017 Alliance commitments and imports the demo UPR list.
 * Idempotent: nothing is written when the demo reporters already have updates.
 */
export async function seedDemoHistory(db: Db) {
  const source = await db.source.findFirstOrThrow({ where: { title: ALLIANCE_2017_SOURCE.title } });
  // A demo seeded before there was a history published its 2017 recommendations on its first day,
  // later than the updates would be dated: a history there would contradict them, so none is written.
  const first = await db.recommendation.findFirst({ where: { sourceId: source.id }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } });
  if (first?.publishedAt?.getTime() !== ALLIANCE_2017_CLOSED.getTime()) return { updates: 0 };
  const analyst = await userActor(db, "analyst@demo.test");
  const reporters = await demoReporters(db);
  const written = await db.progressUpdate.count({ where: { author: { email: { startsWith: "demo.reporter." } } } });
  if (written > 0) return { updates: 0 };

  const scale = await db.statusScale.findFirstOrThrow({
    where: { isDefault: true },
    include: { statuses: { orderBy: { position: "asc" }, select: { id: true, key: true, defaultProgress: true } } },
  });
  // The steps a State climbs: the statuses after the first that a focal point has words for (NARRATIVES).
  const steps = scale.statuses.slice(1).filter((status) => status.key in NARRATIVES);
  const random = randomFrom(2017);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  let updates = 0;
  const waiting: { reporter: UserActor; commitmentId: string }[] = [];
  const accepted: { commitmentId: string; statusIndex: number }[] = [];

  for (const reporter of reporters) {
    const commitments = await db.commitment.findMany({
      where: { stateId: reporter.stateId, recommendation: { sourceId: source.id } },
      orderBy: { recommendation: { reference: "asc" } },
      select: { id: true },
    });
    for (const commitment of commitments) {
      if (random() < 0.4) {
        waiting.push({ reporter: reporter.actor, commitmentId: commitment.id });
        continue;
      }
      // One to three accepted updates, each a step or two up the scale, months apart.
      let at = FIRST_UPDATE + random() * (LAST_UPDATE - FIRST_UPDATE) * 0.6;
      let statusIndex = -1;
      for (let count = 1 + Math.floor(random() * 3); count > 0 && at < LAST_UPDATE; count--) {
        statusIndex = Math.min(steps.length - 1, statusIndex + 1 + Math.floor(random() * 2));
        const update = await submit(reporter.actor, commitment.id, steps[statusIndex]!, new Date(at));
        const reviewedAt = new Date(at + (5 + random() * 40) * DAY);
        await acceptUpdate(analyst, { updateId: update.id, expectedVersion: update.version }, reviewedAt);
        updates++;
        at = reviewedAt.getTime() + (90 + random() * 540) * DAY;
      }
      accepted.push({ commitmentId: commitment.id, statusIndex });
    }
  }

  // Waiting for the secretariat: a few updates submitted in the last weeks, and a few returned.
  const now = Date.now();
  for (const [index, { reporter, commitmentId }] of waiting.slice(0, 14).entries()) {
    const update = await submit(reporter, commitmentId, pick(steps), new Date(now - (2 + random() * 40) * DAY));
    if (index % 3 === 2) await returnUpdate(analyst, { updateId: update.id, expectedVersion: update.version, comment: RETURN_COMMENT });
    updates++;
  }

  // The secretariat disagrees with a few States' own status: one step lower.
  for (const { commitmentId, statusIndex } of accepted.filter((item) => item.statusIndex > 0).slice(0, 40).filter((_, index) => index % 8 === 0)) {
    const commitment = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { version: true } });
    const lower = steps[statusIndex - 1]!;
    await recordAssessment(analyst, { commitmentId, statusId: lower.id, rationale: ASSESSMENT_RATIONALE, isPublic: true, expectedVersion: commitment.version });
  }

  await importDemoUprList(analyst);
  return { updates };
}

/** Imports the demo UPR list as the secretariat would (check, then import), labels it, and publishes it whole. */
async function importDemoUprList(analyst: UserActor) {
  const file = { name: path.basename(DEMO_UPR_FILE), bytes: new Uint8Array(fs.readFileSync(DEMO_UPR_FILE)) };
  const preview = await checkRecommendationFile(analyst, file);
  if (preview.problems.length > 0) throw new Error(`The demo UPR list has problems: ${preview.problems.join("; ")}`);
  const outcome = await importRecommendationFile(analyst, file, preview.checksum);
  if (outcome.kind !== "imported") throw new Error(`The demo UPR list was not imported (${outcome.kind}).`);
  for (const imported of outcome.result.sources) {
    await updateSource(analyst, { id: imported.id, expectedVersion: 1, description: UPR_DESCRIPTION });
    // Published when the State's position was known, a few months after the session.
    await publishSourceDrafts(analyst, { sourceId: imported.id }, new Date(Date.UTC(2022, 5, 15)));
  }
}

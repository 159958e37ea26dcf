import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { requireAdminPage, requireSecretariatPage } from "@/server/auth/page-session";
import { passes, zId } from "@/server/schemas/common";
import type { THistoryEntity } from "@/server/schemas/audit";
import { EntityHistory } from "@/components/history/entity-history";
import "@/app/history.css";

// The History pages of a recommendation, commitment, user and source: one route each, all alike.

export async function historyMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("pageTitle") };
}

/** The History of one record for the secretariat (a user's for administrators); anyone else, and a missing record: not found. */
export async function HistoryPage({ entity, params }: { entity: THistoryEntity; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `${entity === "user" ? "/admin/users" : `/${entity}s`}/${encodeURIComponent(id)}/history`;
  await (entity === "user" ? requireAdminPage(path) : requireSecretariatPage(path));
  if (!passes(zId, id)) notFound();
  const history = await nullIfNotFound((await getServerCaller()).audit.history({ entity, id }));
  if (!history) notFound();
  return <EntityHistory initial={history} />;
}

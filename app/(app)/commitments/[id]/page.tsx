import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/server/auth/page-session";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { CommitmentDetail } from "@/components/commitments/commitment-detail";
import { passes, zId } from "@/server/schemas/common";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("commitments");
  return { title: t("detailPageTitle") };
}

/** The commitment and its history, or null when it is out of the reader's scope or missing. */
async function loadCommitment(id: string) {
  // The API's own id rule: an id it would refuse is simply not found.
  if (!passes(zId, id)) return null;
  const caller = await getServerCaller();
  const [commitment, history] = await Promise.all([
    nullIfNotFound(caller.commitments.get({ id })),
    nullIfNotFound(caller.commitments.history({ id })),
  ]);
  return commitment && history ? { commitment, history } : null;
}

export default async function CommitmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/commitments/${id}`);
  const loaded = await loadCommitment(id);
  // Another State's commitment is "not found", exactly like one that does not exist.
  if (!loaded) notFound();
  return <CommitmentDetail id={id} role={actor.role} initialCommitment={loaded.commitment} initialHistory={loaded.history} />;
}

import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { loadStatesForFilter } from "@/server/api/page-loaders";
import { CommitmentList, type CommitmentListOptions } from "@/components/commitments/commitment-list";
import { parseListParams, toListInput } from "@/components/commitments/commitment-list-params";
import { getterOf } from "@/components/url-params";
import "../../commitments-list.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("commitments");
  return { title: t("pageTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CommitmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("/commitments");
  const isSecretariat = actor.role !== "FOCAL_POINT";
  const caller = await getServerCaller();
  const [states, themes, sources, scales] = await Promise.all([
    // States are public reference data; only the secretariat filters by State.
    isSecretariat ? loadStatesForFilter() : Promise.resolve([]),
    caller.recommendations.themes(),
    caller.sources.list(),
    caller.scales.list(),
  ]);
  const defaultScale = scales.find((scale) => scale.isDefault) ?? scales[0];
  const options: CommitmentListOptions = {
    states: states.map((state) => ({ id: state.id, name: state.name, iso2: state.iso2, kind: state.kind })),
    themes: themes.map((theme) => ({ key: theme.key, label: theme.label })),
    sources: sources.map((source) => ({ id: source.id, title: source.title })),
    statuses: (defaultScale?.statuses ?? []).map((status) => ({ key: status.key, label: status.label })),
  };

  const params = parseListParams(getterOf(await searchParams));
  const input = toListInput(params, (iso2) => options.states.find((state) => state.iso2 === iso2)?.id);
  let initialPage = null;
  try {
    // Counted even on a later page: a page opened from a link or reloaded has no first page to
    // take the total from.
    initialPage = await caller.commitments.list({ ...input, count: true });
  } catch (error) {
    // A stale or edited page link: the list shows the error and the way back to the first page.
    if (!(error instanceof TRPCError && error.code === "BAD_REQUEST")) throw error;
  }

  return <CommitmentList
      isSecretariat={isSecretariat}
      ownState={actor.stateIso2 && actor.stateName ? { iso2: actor.stateIso2, name: actor.stateName } : null}
      options={options} initialInput={input} initialPage={initialPage} />;
}

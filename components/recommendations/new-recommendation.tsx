"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { DisclosureButton, DisclosurePanel } from "@/components/ui/disclosure-button";
import { NewSourceForm } from "@/components/recommendations/new-source-form";
import type { ScaleOption, SourceOption, StateOption, ThemeOption } from "@/components/recommendations/recommendation-display";
import { RecommendationForm } from "@/components/recommendations/recommendation-form";

/** The "new recommendation" screen: the form, and a new source beside it when the source is missing. */
export function NewRecommendation({
  sources: initialSources,
  themes,
  scales,
  states,
  initialSourceId,
}: {
  sources: SourceOption[];
  themes: ThemeOption[];
  scales: ScaleOption[];
  states: StateOption[];
  initialSourceId?: string;
}) {
  const trpc = useTRPC();
  const t = useTranslations("recommendations");
  const queryClient = useQueryClient();
  const router = useRouter();
  const sources = useQuery(trpc.sources.list.queryOptions(undefined, { initialData: initialSources })).data ?? initialSources;
  const [showSourceForm, setShowSourceForm] = useState(initialSources.length === 0);
  const [chosenSourceId, setChosenSourceId] = useState<string | undefined>(undefined);

  return (
    <div className="stack">
      {sources.length === 0 ? (
        <EmptyState title={t("newPage.noSource")}>{t("newPage.addSourceFirst")}</EmptyState>
      ) : (
        <div>
          <DisclosureButton className="button button-secondary button-small" open={showSourceForm} controls="new-source-panel" onToggle={() => setShowSourceForm((open) => !open)}>
            {showSourceForm ? t("closeSourceForm") : t("newPage.sourceNotListed")}
          </DisclosureButton>
        </div>
      )}
      <DisclosurePanel id="new-source-panel" className="card" open={showSourceForm}>
        <NewSourceForm
          idPrefix="new-source"
          onCreated={(source) => {
            setChosenSourceId(source.id);
            setShowSourceForm(false);
          }}
        />
      </DisclosurePanel>
      <RecommendationForm
        {...{ sources, themes, scales, states }}
        initialSourceId={initialSourceId}
        chosenSourceId={chosenSourceId}
        onCreated={(created) => {
          void queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
          router.push(`/recommendations/${created.id}`);
        }}
      />
    </div>
  );
}

import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type TCommitmentView = Outputs["commitments"]["get"];
export type TTimeline = Outputs["commitments"]["history"];
export type TUpdateView = NonNullable<TCommitmentView["openUpdate"]>;
export type TScaleStatus = TCommitmentView["recommendation"]["scale"]["statuses"][number];

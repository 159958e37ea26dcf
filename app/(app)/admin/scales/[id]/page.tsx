import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { ScalePage } from "@/components/settings/scale-page";
import { settingsMetadata } from "@/components/settings/settings-metadata";
import "@/app/settings.css";

async function loadScale(id: string) {
  const caller = await getServerCaller();
  return caller.scales.get({ id }).catch((error: unknown) => {
    // A malformed id (BAD_REQUEST) is as missing as an unknown one.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
}

export const generateMetadata = settingsMetadata("scales");

export default async function EditScalePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/scales/${encodeURIComponent(id)}`);
  const scale = await loadScale(id);
  if (!scale) notFound();
  const t = await getTranslations("settings.scale");
  return <ScalePage title={t("editTitle", { name: scale.name })} scale={scale} />;
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { loadStatesForFilter } from "@/server/api/page-loaders";
import { UserDetail } from "@/components/users/user-detail";
import "@/app/users.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("userTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/users/${encodeURIComponent(id)}`);
  const caller = await getServerCaller();
  const user = await caller.users.get({ id }).catch((error: unknown) => {
    // A malformed id (BAD_REQUEST) is as missing as an unknown one.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!user) notFound();
  const states = await loadStatesForFilter();
  return <UserDetail initialUser={user} states={states} currentUserId={actor.id} />;
}

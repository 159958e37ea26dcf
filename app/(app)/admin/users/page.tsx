import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { loadStatesForFilter } from "@/server/api/page-loaders";
import { UsersAdmin } from "@/components/users/users-admin";
import { USERS_PAGE_SIZE } from "@/server/schemas/limits";
import "@/app/users.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const actor = await requireAdminPage("/admin/users");
  const caller = await getServerCaller();
  const [initialPage, states] = await Promise.all([caller.users.list({ limit: USERS_PAGE_SIZE }), loadStatesForFilter()]);
  return <UsersAdmin initialPage={initialPage} states={states} currentUserId={actor.id} />;
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServerCaller } from "@/server/api/server-caller";
import { requireAdminPage } from "@/server/auth/page-session";
import { AuditLog } from "@/components/history/audit-log";
import "@/app/history.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("log.title") };
}

export default async function AuditLogPage() {
  await requireAdminPage("/admin/audit");
  const caller = await getServerCaller();
  const [initialPage, options] = await Promise.all([caller.audit.log({}), caller.audit.logOptions()]);
  return <AuditLog initialPage={initialPage} options={options} />;
}

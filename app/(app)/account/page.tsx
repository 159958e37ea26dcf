import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadAccount } from "@/server/api/page-loaders";
import { referenceLabelsFor } from "@/server/i18n/catalogs";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import "@/app/users.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ mustChange?: string | string[] }> }) {
  const me = await loadAccount("/account");
  const { mustChange } = await searchParams;
  const [t, common, labels] = await Promise.all([getTranslations("account"), getTranslations("common"), getLocale().then(referenceLabelsFor)]);
  // The database says whether a change is required; the query parameter only says where they came from.
  const forced = me.mustChangePassword;
  return (
    <section>
      {forced ? (
        <div role="alert" className="alert alert-warning account-forced">
          {t("forced")}
        </div>
      ) : null}
      <h1>{t("heading")}</h1>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{me.name}</dd>
        <dt>{t("email")}</dt>
        <dd className="users-email">{me.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{labels.role(me.role)}</dd>
        <dt>{t("state")}</dt>
        <dd>{me.stateName && me.stateIso2 ? labels.state({ iso2: me.stateIso2, name: me.stateName }) : common("noneSecretariat")}</dd>
      </dl>
      <div className="account-sections">
        <ChangePasswordForm email={me.email} forced={forced || mustChange === "1"} />
        <SignOutEverywhere />
      </div>
    </section>
  );
}

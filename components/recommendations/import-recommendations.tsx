"use client";

import { useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorAlert, FocusedAlert } from "@/components/ui/form-alerts";
import { SubmitButton } from "@/components/ui/submit-button";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/server/schemas/recommendation-file";
import type { ImportOutcome, ImportPreview, ImportResult } from "@/server/services/imports/import-recommendations";

type Answer = ImportOutcome | { kind: "checked"; preview: ImportPreview };
const FILE_ID = "import-file";
const MEGABYTES = IMPORT_MAX_BYTES / 1024 / 1024;

/**
 * Importing a recommendation file: "Check file" sends it for a preview (nothing is written);
 * "Import" sends it again with the checksum of the checked file, so a file changed on disk since
 * is checked again instead of imported.
 */
export function ImportRecommendations() {
  const t = useTranslations("imports");
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);

  async function send(step: "check" | "import", checksum?: string): Promise<Answer | null> {
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t("chooseFile"));
      return null;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setError(t("fileProblems.tooLarge", { megabytes: MEGABYTES }));
      return null;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      setError(t("rereadFailed"));
      return null;
    }
    const query = new URLSearchParams({ step, name: file.name, ...(checksum ? { checksum } : {}) });
    try {
      const response = await fetch(`/api/recommendations/import?${query}`, {
        method: "POST",
        body: bytes,
        headers: { "content-type": "application/octet-stream" },
      });
      const body = (await response.json().catch(() => null)) as (Answer & { error?: undefined }) | { error: { message: string } } | null;
      if (!response.ok || !body || body.error) {
        setError(body?.error?.message ?? t("sendFailed"));
        return null;
      }
      return body;
    } catch {
      setError(t("sendFailed"));
      return null;
    }
  }

  async function run(step: "check" | "import") {
    setBusy(step);
    setError(null);
    setNotice(null);
    try {
      const answer = await send(step, step === "import" ? preview?.checksum : undefined);
      if (!answer) return;
      setPreview(answer.preview);
      setResult(answer.kind === "imported" ? answer.result : null);
      if (answer.kind === "fileChanged") setNotice(t("fileChanged"));
      if (answer.kind === "refused") setNotice(t("refused"));
    } finally {
      setBusy(null);
    }
  }

  function onCheck(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    void run("check");
  }

  return (
    <div className="stack">
      <form className="card stack" onSubmit={onCheck} noValidate>
        <Field id={FILE_ID} label={t("file")} hint={t("limits", { megabytes: MEGABYTES, rows: IMPORT_MAX_ROWS })}>
          <input
            ref={input}
            id={FILE_ID}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy(FILE_ID, { hint: true })}
            onChange={() => {
              setPreview(null);
              setResult(null);
              setNotice(null);
              setError(null);
            }}
          />
        </Field>
        <div className="actions">
          <SubmitButton busy={busy === "check"} busyLabel={t("checking")} disabled={busy !== null}>
            {t("checkFile")}
          </SubmitButton>
        </div>
      </form>

      <ErrorAlert message={error} />
      {notice ? <FocusedAlert className="alert alert-error">{notice}</FocusedAlert> : null}
      {result ? <ImportDone result={result} /> : preview ? <Preview preview={preview} busy={busy} onImport={() => void run("import")} /> : null}
    </div>
  );
}

function Preview({ preview, busy, onImport }: { preview: ImportPreview; busy: "check" | "import" | null; onImport: () => void }) {
  const t = useTranslations("imports");
  return (
    <section className="stack" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{t("previewHeading", { file: preview.fileName })}</h2>
      <p role="status" className="import-summary">
        <strong>{t("summary", preview.counts)}</strong>
      </p>
      {preview.format ? <p className="muted">{preview.format === "upr" ? t("formatUpr") : t("formatOwn")}</p> : null}
      {preview.newSources.length > 0 ? <p>{t("newSources", { sources: preview.newSources.join("; ") })}</p> : null}
      {preview.newThemes.length > 0 ? <p>{t("newThemes", { themes: preview.newThemes.join("; ") })}</p> : null}
      {preview.problems.length > 0 ? (
        <div className="alert alert-error">
          <h3>{t("problemsHeading")}</h3>
          <p>{t("problemsIntro")}</p>
          <ul className="import-problems">
            {preview.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={onImport} disabled={busy !== null}>
          {busy === "import" ? t("importing") : t("import")}
        </button>
      </div>
      {preview.rows.length > 0 ? (
        <>
          <h3>{t("rowsHeading")}</h3>
          <DataTable
            caption={t("rowsHeading")}
            rows={preview.rows}
            rowKey={(row) => String(row.line)}
            columns={[
              { key: "line", header: t("columns.row"), cell: (row) => row.line, rowHeader: true },
              { key: "reference", header: t("columns.reference"), cell: (row) => row.reference },
              { key: "source", header: t("columns.source"), cell: (row) => row.source },
              { key: "outcome", header: t("columns.outcome"), cell: (row) => <span className={`import-outcome import-outcome-${row.outcome}`}>{t(`outcome.${row.outcome}`)}</span> },
              { key: "changes", header: t("columns.changes"), cell: (row) => row.changedColumns.join(", ") },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

function ImportDone({ result }: { result: ImportResult }) {
  const t = useTranslations("imports");
  return (
    <section className="stack" aria-labelledby="import-result-heading">
      <div role="status" className="alert alert-success">
        <h2 id="import-result-heading">{t("resultHeading")}</h2>
        <p>{t("result", { created: result.created, changed: result.changed, unchanged: result.unchanged })}</p>
        <p>{t("resultDrafts")}</p>
      </div>
      {result.sources.length > 0 ? (
        <>
          <h3>{t("resultSources")}</h3>
          <ul>
            {result.sources.map((source) => (
              <li key={source.id}>
                {t.rich("resultSource", {
                  title: source.title,
                  created: source.created,
                  changed: source.changed,
                  link: (chunks) => <Link href={`/sources/${source.id}`}>{chunks}</Link>,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.themesCreated.length > 0 ? <p>{t("themesCreated", { themes: result.themesCreated.join("; ") })}</p> : null}
    </section>
  );
}

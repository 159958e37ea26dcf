"use client";

import { useId, useRef, type ReactNode, type RefObject } from "react";
import { useTranslations } from "next-intl";

/**
 * A button that asks for confirmation in a modal dialog before a destructive action. The native
 * <dialog> traps focus, closes on Escape and returns focus to the button.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  disabled,
  className = "button button-danger",
}: {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {children}
      </button>
      <ConfirmDialog dialogRef={dialog} title={title} confirmLabel={confirmLabel} onConfirm={onConfirm}>
        <div>{message}</div>
      </ConfirmDialog>
    </>
  );
}

/**
 * The confirmation dialog itself, for a form that opens it after its own checks (`showModal()` on
 * `dialogRef`): the title names the action, Cancel closes, the danger button confirms.
 */
export function ConfirmDialog({
  dialogRef,
  title,
  children,
  confirmLabel,
  onConfirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const titleId = useId();
  const t = useTranslations("common");
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => dialogRef.current?.close()}>
          {t("cancel")}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            dialogRef.current?.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

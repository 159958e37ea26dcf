/** What a page shows while it is read or computed on the server: a polite status line. */
export function LoadingStatus({ text }: { text: string }) {
  return (
    <p role="status" className="muted">
      {text}
    </p>
  );
}

/** Shown while a State report is computed on the server. */
export default function StateReportsLoading() {
  return (
    <p role="status" className="muted">
      Loading the report…
    </p>
  );
}

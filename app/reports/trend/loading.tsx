/** Shown while the trend is computed on the server. */
export default function TrendReportLoading() {
  return (
    <p role="status" className="muted">
      Loading the report…
    </p>
  );
}

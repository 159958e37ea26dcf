/** Shown while a recommendation report is computed on the server. */
export default function RecommendationReportsLoading() {
  return (
    <p role="status" className="muted">
      Loading the report…
    </p>
  );
}

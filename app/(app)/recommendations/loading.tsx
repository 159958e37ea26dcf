/** Shown while a recommendations page is read on the server. */
export default function RecommendationsLoading() {
  return (
    <p role="status" className="muted">
      Loading recommendations…
    </p>
  );
}

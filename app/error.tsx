"use client";

// Any other failure while rendering a page: a plain message and a reference, never the error's
// text (production builds replace it anyway; the digest matches the server's log line).
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section>
      <h1>Something went wrong</h1>
      <p>This page could not be loaded. Try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
      </p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
    </section>
  );
}

import Link from "next/link";

export default function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>There is nothing at this address, or you do not have access to it.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </section>
  );
}

import { connection } from "next/server";

/** A dynamic page: rendered on every request, the floor for a page render (no data, no CSS). */
export default async function Dynamic() {
  await connection();
  return (
    <main>
      <h1>Bare Next.js</h1>
      <p>Rendered at {new Date().toISOString()}, the floor for a page render.</p>
    </main>
  );
}

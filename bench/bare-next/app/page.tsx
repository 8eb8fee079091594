/** A static page: built once, served from Next's own cache. */
export default function Home() {
  return (
    <main>
      <h1>Bare Next.js</h1>
      <p>A static page, the ceiling for a page served from a cache.</p>
    </main>
  );
}

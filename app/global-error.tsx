"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "6rem 1.5rem", maxWidth: 640, margin: "0 auto" }}>
        <h1>Something went wrong</h1>
        <p>The site hit an unexpected error. Try again in a moment.</p>
        <button type="button" onClick={reset}>Try again</button>
      </body>
    </html>
  );
}

/** Runs once when a server starts: the Node server ends its live streams on SIGTERM so it can stop. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerLiveShutdown } = await import("@/lib/live/listener");
    registerLiveShutdown();
  }
}

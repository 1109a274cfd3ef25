/**
 * Runs once when the server starts: the BOOTSTRAP_* admin and key exist before the first request
 * (requests also make sure of it, should the database not have answered yet).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { ensureBootstrap } = await import("./lib/auth/bootstrap");
  const { log, errorText } = await import("./lib/log");
  await ensureBootstrap().catch((error: unknown) => log.warn({ err: errorText(error) }, "bootstrap accounts not made yet; retried on the next request"));
}

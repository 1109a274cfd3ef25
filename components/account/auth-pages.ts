/** Pages for signing in, signing up and accepting invitations: no account menu, no redirect to sign-in. */
const AUTH_PAGES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/invite"];

export const isAuthPage = (pathname: string | null) =>
  pathname !== null && AUTH_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));

/** `?next=` only when it is a path on this site ("/x", never "//host" or "https://…"), else the default. */
export function safeNext(next: string | null | undefined, fallback = "/automations"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return fallback;
  // Browsers drop tabs and newlines and read "\\" as "/": "/\t/evil.com" would leave the site.
  if (/[\u0000-\u0020\\]/.test(next)) return fallback;
  // Back to the sign-in page (or sign-up, reset) after signing in would go round in a circle.
  if (isAuthPage(new URL(next, "http://x").pathname) && !next.startsWith("/invite/")) return fallback;
  return next;
}

/** The sign-in page, coming back to `path` afterwards. */
export const signInHref = (path: string) => (path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`);

/**
 * A full page load at `path`, on purpose rather than a client navigation: after signing in or
 * out, joining or switching a workspace, every part of the page (the header's account menu, the
 * server-rendered lists, the shared `/api/me`) must start again as the new session sees it.
 */
export function reloadAt(path: string): void {
  window.location.assign(path);
}

import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/** Pages anyone may open: signing in, the first owner, password resets, invitation links. */
const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/invite/"];

/**
 * Two guards in front of every request. API paths: a malformed percent-encoding (a phone
 * `%E0%A4%A`) would make Next.js fail decoding route params with a plain-text 500, so it is a
 * 400 here (the routes themselves answer 401/403). Pages: without a session cookie, to sign in
 * (a stale cookie is caught by the page's own calls, which answer 401).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    try {
      decodeURIComponent(pathname);
    } catch {
      return NextResponse.json({ error: "Malformed percent-encoding in the URL" }, { status: 400 });
    }
    return NextResponse.next();
  }
  if (PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(page.endsWith("/") ? page : `${page}/`))) return NextResponse.next();
  if (getSessionCookie(request, { cookiePrefix: "replyflow" })) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// Everything but Next's own assets and files in public/.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|jpg|webp|css|js|txt)$).*)"] };

import { NextResponse, type NextRequest } from "next/server";

/**
 * A malformed percent-encoding in an API path (e.g. a phone `%E0%A4%A`) would make Next.js fail
 * while decoding route params, with a plain-text 500: answer it as the bad input it is.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json({ error: "Malformed percent-encoding in the URL" }, { status: 400 });
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };

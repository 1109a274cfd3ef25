import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate } from "./authenticate.ts";
import { withAccess } from "./scope.ts";

/**
 * For server components that query directly: the signed-in user's workspace in scope, as route()
 * does for API routes. Without a valid session (an expired cookie got past proxy.ts), to sign in.
 */
export async function withPageAccess<T>(fn: () => Promise<T>): Promise<T> {
  const access = await authenticate(new Request("http://page.invalid/", { headers: await headers() }));
  if (!access) redirect("/sign-in");
  return withAccess(access, fn);
}

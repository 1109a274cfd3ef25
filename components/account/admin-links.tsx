"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isAuthPage } from "./auth-pages";
import { canDo, useMe } from "./use-me";

/** Main-nav links only admins may follow (the audit log); nothing for other roles. */
export function AdminLinks() {
  const pathname = usePathname();
  const { me } = useMe(!isAuthPage(pathname));
  if (isAuthPage(pathname) || !canDo(me, "audit:read")) return null;
  return (
    <Link href="/audit" className="hover:text-slate-900">
      Audit log
    </Link>
  );
}

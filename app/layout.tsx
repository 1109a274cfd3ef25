import type { Metadata } from "next";
import Link from "next/link";
import { Toaster } from "sonner";
import { AccountMenu } from "@/components/account/account-menu";
import { AdminLinks } from "@/components/account/admin-links";
import { InboxNavLink } from "@/components/inbox/inbox-nav-link";
import "./globals.css";

export const metadata: Metadata = {
  title: "Replyflow",
  description: "WhatsApp automations with a Customer Response step",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-full flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="flex h-12 shrink-0 items-center gap-6 border-b border-slate-200 bg-white px-4">
          <Link href="/automations" className="font-semibold text-brand-700">
            Replyflow
          </Link>
          <nav aria-label="Main" className="flex gap-4 text-sm text-slate-600">
            <Link href="/automations" className="hover:text-slate-900">
              Automations
            </Link>
            <Link href="/runs" className="hover:text-slate-900">
              Runs
            </Link>
            <InboxNavLink />
            <Link href="/contacts" className="hover:text-slate-900">
              Contacts
            </Link>
            <Link href="/settings" className="hover:text-slate-900">
              Settings
            </Link>
            <AdminLinks />
            <Link href="/api-reference" className="hover:text-slate-900">API</Link>
          </nav>
          <div className="ml-auto">
            <AccountMenu />
          </div>
        </header>
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
        <Toaster richColors position="bottom-right" />
      </body>
    </html>
  );
}

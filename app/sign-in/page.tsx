import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in · Replyflow" };

export default function Page() {
  // The form reads `?next=` on the client, hence the boundary.
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}

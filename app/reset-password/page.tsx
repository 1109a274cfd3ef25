import type { Metadata } from "next";
import { Suspense } from "react";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Replyflow" };

export default function Page() {
  // The form reads the link's `?token=` on the client, hence the boundary.
  return (
    <Suspense>
      <ResetPasswordForm />
    </Suspense>
  );
}

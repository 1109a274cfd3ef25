import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password · Replyflow" };

export default function Page() {
  return <ForgotPasswordForm />;
}

import type { Metadata } from "next";
import { OwnerSignUpForm } from "@/components/auth/owner-sign-up-form";

export const metadata: Metadata = { title: "Create the owner account · Replyflow" };

export default function Page() {
  return <OwnerSignUpForm />;
}

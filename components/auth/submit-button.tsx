import { LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A form's primary button: disabled, with a spinner, while the form is being sent. */
export function SubmitButton({ busy, disabled, children }: { busy: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <Button type="submit" variant="primary" className="w-full" disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
      {children}
    </Button>
  );
}

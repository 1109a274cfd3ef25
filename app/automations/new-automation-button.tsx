"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { ApiError, createAutomation } from "@/components/editor/automation-api";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

/** Asks for a name, creates the automation, then opens it in the editor. */
export function NewAutomationButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setError("Give the automation a name");
      return;
    }
    setCreating(true);
    try {
      const { id } = await createAutomation(name.trim());
      router.push(`/automations/${id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) setError(err.issues[0]?.message ?? err.message);
      else toast.error("Could not create the automation");
      setCreating(false);
    }
  };

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" /> New automation
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="New automation" description="You can rename it later.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field id="automation-name" label="Name" error={error}>
            <Input
              id="automation-name"
              autoFocus
              placeholder="Abandoned cart follow-up"
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("automation-name", { error })}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={creating}>
              Create
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

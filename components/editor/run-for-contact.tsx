"use client";

import { Play } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { startRuns } from "./automation-api";
import { errorMessage } from "./draft-actions";
import { useEditor } from "./editor-store-context";

const E164 = /^\+[1-9]\d{6,14}$/;

/** Starts the published version for one contact; the toast links to the new run. */
export function RunForContact() {
  const automationId = useEditor((s) => s.automationId);
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [phoneError, setPhoneError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const explanationId = useId();
  const published = publishedVersion !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = phone.replace(/[\s()-]/g, "");
    if (!E164.test(normalized)) {
      setPhoneError("Use the international format, e.g. +393331234567");
      return;
    }
    setPhoneError(undefined);
    setStarting(true);
    try {
      const { runs } = await startRuns(automationId, [{ phone: normalized, ...(name.trim() ? { name: name.trim() } : {}) }]);
      const run = runs[0];
      toast.success(`Run started for ${normalized}`, {
        description: run ? (
          // Leaving for the run: the editor's toasts would otherwise cover the run page's controls
          // (the pointer rests on them, which pauses their timers).
          <Link href={`/runs/${run.id}`} onClick={() => toast.dismiss()} className="font-medium underline">
            Open the run
          </Link>
        ) : undefined,
      });
      setOpen(false);
      setPhone("");
      setName("");
    } catch (error) {
      toast.error("Could not start the run", { description: errorMessage(error) });
    } finally {
      setStarting(false);
    }
  };

  const phoneHint = "International format with country code, e.g. +393331234567.";
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={!published}
        aria-describedby={published ? undefined : explanationId}
        title={published ? `Start version ${publishedVersion} for a contact` : "Publish the automation first"}
      >
        <Play aria-hidden className="size-4" /> Run for contact
      </Button>
      {published ? null : (
        <span id={explanationId} className="sr-only">
          Publish the automation before starting runs.
        </span>
      )}
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Run for contact"
        description={`Starts published version ${publishedVersion ?? ""} for one contact.`}
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field id="run-phone" label="Phone" hint={phoneHint} error={phoneError}>
            <Input
              id="run-phone"
              type="tel"
              autoComplete="tel"
              placeholder="+393331234567"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              aria-invalid={phoneError ? true : undefined}
              aria-describedby={describedBy("run-phone", { hint: phoneHint, error: phoneError })}
              required
            />
          </Field>
          <Field id="run-name" label="Name" hint="Optional; used by {{contact.name}}.">
            <Input
              id="run-name"
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-describedby="run-name-hint"
            />
          </Field>
          <div className="flex justify-end gap-2 pt-1">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={starting}>
              Start run
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

"use client";

import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/runs/fetch-json";
import type { Contact, ContactPatch } from "./contact-schemas";
import { ContactApiError, patchContact } from "./patch-contact";

/**
 * Sends one PATCH at a time for a form: `busy` while it runs, the server's answer to `onSaved`,
 * a toast on failure and the 400's issues in `issues` for the form to show inline.
 */
export function useContactPatch(phone: string, onSaved: (contact: Contact) => void) {
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);

  async function send(patch: ContactPatch, success: string, failure: string): Promise<boolean> {
    setBusy(true);
    setIssues([]);
    try {
      onSaved(await patchContact(phone, patch));
      toast.success(success);
      return true;
    } catch (error) {
      const found = error instanceof ContactApiError ? error.issues : [];
      setIssues(found);
      toast.error(failure, { description: found.length > 0 ? found.join(" ") : errorMessage(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, issues, send, clearIssues: () => setIssues([]) };
}

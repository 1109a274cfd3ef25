"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/runs/fetch-json";
import { Select } from "@/components/ui/select";
import type { Me } from "./me-schema";
import { NewWorkspaceDialog } from "./new-workspace-dialog";
import { ROLE_NAMES } from "./role-words";
import { switchWorkspace } from "./switch-workspace";

const NEW = "__new__";

/** The current workspace, as a select of the user's workspaces; its last entry makes a new one. */
export function WorkspaceSwitcher({ me }: { me: Me }) {
  const pathname = usePathname();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);

  async function choose(value: string) {
    if (value === NEW) {
      setCreating(true);
      return;
    }
    if (value === me.workspace.id) return;
    setBusy(true);
    try {
      await switchWorkspace(value, pathname);
    } catch (error) {
      toast.error("Couldn't switch workspace", { description: errorMessage(error) });
      setBusy(false);
    }
  }

  return (
    <>
      <Select
        aria-label="Workspace"
        value={me.workspace.id}
        disabled={busy}
        onChange={(event) => void choose(event.target.value)}
        className="w-48 [&_select]:h-8"
      >
        {me.workspaces.length === 0 && <option value={me.workspace.id}>{me.workspace.name}</option>}
        {me.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
            {me.workspaces.length > 1 ? ` (${ROLE_NAMES[workspace.role]})` : ""}
          </option>
        ))}
        <option disabled>──────────</option>
        <option value={NEW}>New workspace…</option>
      </Select>
      <NewWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}

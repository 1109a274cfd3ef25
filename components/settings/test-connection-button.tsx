"use client";

import { LoaderCircle, PlugZap } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage, postJson } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { connectionCheckSchema, SETTINGS_URL, type ConnectionCheck } from "./whatsapp-settings-schemas";

type Props = { disabled: boolean; onResult: (result: ConnectionCheck | null) => void };

/** Asks Meta for the configured phone number with the saved credentials; what came back goes to a toast and `onResult`. */
export function TestConnectionButton({ disabled, onResult: setResult }: Props) {
  const [busy, setBusy] = useState(false);

  async function test() {
    setBusy(true);
    setResult(null);
    try {
      const check = await postJson(`${SETTINGS_URL}/test`, {}, connectionCheckSchema);
      setResult(check);
      if (check.ok) toast.success("Connected to WhatsApp", { description: connectedWords(check) });
      else toast.error("Connection test failed", { description: check.error });
    } catch (error) {
      setResult({ ok: false, error: errorMessage(error) });
      toast.error("Couldn't test the connection", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button onClick={() => void test()} title="Reads the phone number from Meta with the saved settings" disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <PlugZap aria-hidden className="size-3.5" />}
      Test connection
    </Button>
  );
}

/** The last test's answer in words, read out when it changes. */
export function ConnectionResult({ result }: { result: ConnectionCheck | null }) {
  return (
    <p role="status" data-testid="connection-result" className={`text-xs ${result?.ok ? "text-brand-700" : "text-red-600"}`}>
      {result === null ? "" : result.ok ? `Connected: ${connectedWords(result)}.` : `Connection failed: ${result.error}`}
    </p>
  );
}

const connectedWords = (check: Extract<ConnectionCheck, { ok: true }>) =>
  check.verifiedName ? `${check.displayPhoneNumber} (${check.verifiedName})` : check.displayPhoneNumber;

"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

type Props = {
  value: string;
  /** Its accessible name: "Copy <label>". */
  label: string;
  /** The toast when the clipboard refuses (no permission, plain http on another host). */
  failure: { title: string; description: string };
};

/** "Copy", then "Copied" for two seconds. */
export function CopyButton({ value, label, failure }: Props) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      toast.error(failure.title, { description: failure.description });
    }
  }

  return (
    <Button size="sm" onClick={() => void copy()} aria-label={`Copy ${label}`}>
      {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

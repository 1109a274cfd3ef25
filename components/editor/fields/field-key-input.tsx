"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { useFieldKeys } from "./use-field-keys";

/** A text input for a contact field key, suggesting the keys contacts already have. */
export function FieldKeyInput({ id, ...props }: ComponentProps<typeof Input> & { id: string }) {
  const fieldKeys = useFieldKeys();
  const listId = `${id}-keys`;
  return (
    <>
      <Input
        id={id}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. city"
        {...props}
        className="font-mono"
      />
      <datalist id={listId}>
        {fieldKeys.status === "ready" ? fieldKeys.value.keys.map((key) => <option key={key} value={key} />) : null}
      </datalist>
    </>
  );
}

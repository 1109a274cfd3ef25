"use client";

import { clsx } from "clsx";
import { Braces, ChevronDown } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { type RefObject, useId, useRef, useState } from "react";
import { FIELD_KEY_PATTERN } from "@/lib/flow/field-key";
import { FIELD_PREFIX, templateFields } from "@/lib/flow/template";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { insertAtCaret, type TextControl } from "./insert-at-caret";
import { useFieldKeys } from "./use-field-keys";

type InsertFieldMenuProps = {
  /** The text control the field goes into, at its caret. */
  target: RefObject<TextControl | null>;
  value: string;
  onChange: (next: string) => void;
};

const itemClass = clsx(
  "cursor-default rounded px-2 py-1 font-mono text-xs text-slate-700 outline-none select-none",
  "data-highlighted:bg-brand-50 data-highlighted:text-brand-700",
);

/**
 * "Insert field": a menu of the dynamic fields (name, phone, last reply and every contact field
 * key in use), plus "Other field…" to type a key no contact has yet.
 */
export function InsertFieldMenu({ target, value, onChange }: InsertFieldMenuProps) {
  const fieldKeys = useFieldKeys();
  const [other, setOther] = useState(false);
  // Whether the menu closed by inserting (focus goes to the text) or otherwise (to the button).
  const inserted = useRef(false);

  const insert = (field: string) => {
    inserted.current = true;
    insertAtCaret(target.current, value, `{{${field}}}`, onChange);
  };

  return (
    <div className="relative">
      <DropdownMenu.Root
        modal={false}
        onOpenChange={(open) => {
          if (open) inserted.current = false;
        }}
      >
        <DropdownMenu.Trigger asChild>
          <button
            type="button"
            className={clsx(
              "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-slate-500",
              "hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500",
            )}
          >
            <Braces aria-hidden className="size-3.5" />
            Insert field
            <ChevronDown aria-hidden className="size-3" />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            onCloseAutoFocus={(event) => {
              if (inserted.current) event.preventDefault();
              inserted.current = false;
            }}
            className="z-50 max-h-72 min-w-52 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
          >
            <DropdownMenu.Label className="px-2 pt-1 pb-0.5 text-[11px] font-semibold text-slate-400 uppercase">
              Contact
            </DropdownMenu.Label>
            {templateFields.map((field) => (
              <DropdownMenu.Item key={field} className={itemClass} onSelect={() => insert(field)}>
                {`{{${field}}}`}
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
            <DropdownMenu.Label className="px-2 pt-1 pb-0.5 text-[11px] font-semibold text-slate-400 uppercase">
              Contact fields
            </DropdownMenu.Label>
            {fieldKeys.status === "loading" ? <p className="px-2 py-1 text-xs text-slate-400">Loading fields…</p> : null}
            {fieldKeys.status === "error" ? <p className="px-2 py-1 text-xs text-slate-400">Couldn’t load the fields</p> : null}
            {fieldKeys.status === "ready" && fieldKeys.value.keys.length === 0 ? (
              <p className="px-2 py-1 text-xs text-slate-400">No contact has fields yet</p>
            ) : null}
            {fieldKeys.status === "ready"
              ? fieldKeys.value.keys.map((key) => (
                  <DropdownMenu.Item key={key} className={itemClass} onSelect={() => insert(`${FIELD_PREFIX}${key}`)}>
                    {`{{${FIELD_PREFIX}${key}}}`}
                  </DropdownMenu.Item>
                ))
              : null}
            <DropdownMenu.Item
              className={clsx(itemClass, "font-sans")}
              onSelect={() => {
                // The form below takes focus itself.
                inserted.current = true;
                setOther(true);
              }}
            >
              Other field…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {other ? (
        <OtherFieldForm
          onCancel={() => setOther(false)}
          onInsert={(key) => {
            setOther(false);
            insert(`${FIELD_PREFIX}${key}`);
          }}
        />
      ) : null}
    </div>
  );
}

/** A key typed by hand, checked like the server checks it. */
function OtherFieldForm({ onInsert, onCancel }: { onInsert: (key: string) => void; onCancel: () => void }) {
  const id = useId();
  const [key, setKey] = useState("");
  const [touched, setTouched] = useState(false);
  const trimmed = key.trim();
  const error = touched && !FIELD_KEY_PATTERN.test(trimmed) ? "Use lowercase letters, digits and _, starting with a letter" : undefined;
  const submit = () => {
    setTouched(true);
    if (FIELD_KEY_PATTERN.test(trimmed)) onInsert(trimmed);
  };

  return (
    <div className="absolute top-full right-0 z-40 mt-1 w-60 space-y-1.5 rounded-lg border border-slate-200 bg-white p-2.5 shadow-lg">
      <Label htmlFor={id} className="text-xs">
        Field key to insert
      </Label>
      <Input
        id={id}
        autoFocus
        value={key}
        placeholder="e.g. city"
        onChange={(event) => setKey(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            submit();
          } else if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-8 font-mono text-xs"
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-1.5">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" onClick={submit}>
          Insert
        </Button>
      </div>
    </div>
  );
}

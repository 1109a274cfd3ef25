"use client";

import { FIELD_PREFIX } from "@/lib/flow/template";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FieldKeyInput } from "../fields/field-key-input";
import { UnknownFieldNotes, unknownFieldNotesId, useUnknownFieldKeys } from "../fields/unknown-field-notes";
import { joinIds } from "./described-by";
import { FieldError } from "./field-error";

const FIELD_CHOICE = "field";

const subjectChoices = [
  { value: "lastReply", label: "Last reply" },
  { value: "contact.name", label: "Name" },
  { value: "contact.phone", label: "Phone" },
  { value: "contact.tags", label: "Tags" },
  { value: FIELD_CHOICE, label: "Contact field" },
] as const;

const choiceOf = (subject: string): string => {
  if (subject.startsWith(FIELD_PREFIX)) return FIELD_CHOICE;
  return subjectChoices.some((choice) => choice.value === subject) ? subject : "";
};

/** "Subject" (what the rule looks at) and, for a contact field, "Field key". */
export function SubjectControl({
  id,
  subject,
  error,
  onChange,
}: {
  id: string;
  subject: string;
  error?: string;
  onChange: (subject: string) => void;
}) {
  const choice = choiceOf(subject);
  const key = subject.startsWith(FIELD_PREFIX) ? subject.slice(FIELD_PREFIX.length) : "";
  const unknownKeys = useUnknownFieldKeys(choice === FIELD_CHOICE && key ? `{{${FIELD_PREFIX}${key.trim()}}}` : "");
  const errorId = `${id}-error`;
  const keyId = `${id}-key`;
  const notesId = unknownFieldNotesId(keyId);
  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <Label htmlFor={id} className="text-xs">
          Subject
        </Label>
        <Select
          id={id}
          value={choice}
          onChange={(event) => onChange(event.target.value === FIELD_CHOICE ? FIELD_PREFIX : event.target.value)}
          aria-invalid={error && choice !== FIELD_CHOICE ? true : undefined}
          aria-describedby={error && choice !== FIELD_CHOICE ? errorId : undefined}
        >
          {choice === "" ? <option value="">Choose what to check…</option> : null}
          {subjectChoices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      {choice === FIELD_CHOICE ? (
        <div className="space-y-1">
          <Label htmlFor={keyId} className="text-xs">
            Field key
          </Label>
          <FieldKeyInput
            id={keyId}
            value={key}
            onChange={(event) => onChange(`${FIELD_PREFIX}${event.target.value}`)}
            aria-invalid={error ? true : undefined}
            aria-describedby={joinIds(error && errorId, unknownKeys.length > 0 && notesId)}
          />
          <UnknownFieldNotes id={notesId} keys={unknownKeys} />
        </div>
      ) : null}
      <FieldError id={errorId} message={error && choice === FIELD_CHOICE && key.trim() === "" ? "Enter the field key" : error} />
    </div>
  );
}

"use client";

import { type RuleOp, opsFor, subjectKind } from "@/lib/flow/rules";
import { FIELD_PREFIX } from "@/lib/flow/template";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FieldKeyInput } from "../fields/field-key-input";
import { UnknownFieldNotes, unknownFieldNotesId, useUnknownFieldKeys } from "../fields/unknown-field-notes";
import { joinIds } from "./described-by";
import { FieldError } from "./field-error";

export type SubjectKind = "text" | "tags";

/** What a subject holds; a contact field still being typed (`contact.fields.`) counts as text. */
export const kindOf = (subject: string): SubjectKind =>
  subjectKind(subject) ?? (subject === "contact.tags" ? "tags" : "text");

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

const textOpLabels: Record<RuleOp, string> = {
  equals: "is",
  notEquals: "is not",
  contains: "contains",
  notContains: "does not contain",
  startsWith: "starts with",
  matches: "matches pattern",
  exists: "is set",
  notExists: "is not set",
  greaterThan: "is greater than",
  lessThan: "is less than",
  includes: "includes",
  excludes: "does not include",
};

const tagOpLabels: Partial<Record<RuleOp, string>> = {
  includes: "has tag",
  excludes: "does not have tag",
  exists: "has any tag",
  notExists: "has no tags",
};

export const opLabel = (kind: SubjectKind, op: RuleOp): string =>
  (kind === "tags" ? tagOpLabels[op] : undefined) ?? textOpLabels[op];

const counterparts: Partial<Record<RuleOp, RuleOp>> = {
  equals: "includes",
  contains: "includes",
  startsWith: "includes",
  notEquals: "excludes",
  notContains: "excludes",
  includes: "equals",
  excludes: "notEquals",
};

/** The op to keep when the subject changes kind: itself if it still fits, else its nearest meaning. */
export function fitOp(op: RuleOp, kind: SubjectKind): RuleOp {
  const ops = opsFor(kind);
  if (ops.includes(op)) return op;
  const counterpart = counterparts[op];
  return counterpart && ops.includes(counterpart) ? counterpart : (ops[0] ?? op);
}

/** "Operator": the ops that fit the subject, in words. */
export function OperatorSelect({
  id,
  kind,
  op,
  error,
  onChange,
}: {
  id: string;
  kind: SubjectKind;
  op: RuleOp | "";
  error?: string;
  onChange: (op: RuleOp) => void;
}) {
  const ops = opsFor(kind);
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id} className="text-xs">
        Operator
      </Label>
      <Select
        id={id}
        value={op}
        onChange={(event) => {
          const next = ops.find((candidate) => candidate === event.target.value);
          if (next) onChange(next);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {op === "" || !ops.includes(op) ? <option value={op}>{op === "" ? "Choose…" : op}</option> : null}
        {ops.map((candidate) => (
          <option key={candidate} value={candidate}>
            {opLabel(kind, candidate)}
          </option>
        ))}
      </Select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

const placeholders: Partial<Record<RuleOp, string>> = {
  matches: "^(yes|si)\\b",
  greaterThan: "100",
  lessThan: "100",
  includes: "vip",
  excludes: "vip",
};

/** "Value": what the subject is compared with. */
export function RuleValueInput({
  id,
  op,
  value,
  error,
  onChange,
}: {
  id: string;
  op: RuleOp | "";
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id} className="text-xs">
        Value
      </Label>
      <Input
        id={id}
        value={value}
        inputMode={op === "greaterThan" || op === "lessThan" ? "decimal" : undefined}
        placeholder={(op && placeholders[op]) || "yes"}
        spellCheck={op === "matches" ? false : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={op === "matches" ? "h-8 font-mono text-xs" : "h-8 text-sm"}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A stored op, if it is one. */
export const ruleOpOf = (value: unknown, ops: readonly RuleOp[]): RuleOp | "" =>
  ops.find((op) => op === value) ?? "";

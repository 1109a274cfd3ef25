"use client";

import { type RuleOp, opsFor, subjectKind } from "@/lib/flow/rules";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FieldError } from "./field-error";

export type SubjectKind = "text" | "tags";

/** What a subject holds; a contact field still being typed (`contact.fields.`) counts as text. */
export const kindOf = (subject: string): SubjectKind =>
  subjectKind(subject) ?? "text";

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

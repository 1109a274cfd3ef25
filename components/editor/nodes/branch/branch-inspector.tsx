"use client";

import { MAX_CASES } from "@/lib/flow/nodes/branch";
import { opNeedsValue, opsFor, type RuleOp, ruleOps } from "@/lib/flow/rules";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, RowGroup } from "../../controls/row-group";
import { fitOp, kindOf, OperatorSelect, RuleValueInput, ruleOpOf } from "../../controls/rule-controls";
import { SubjectControl } from "../../controls/subject-control";
import type { EditorNode, NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { recordsOf, replaced, textOf, without } from "../node-data";
import { followingId, slugId } from "../slug-id";
import { useHandleEdges } from "../use-handle-edges";

type CaseRow = { id: string; op: RuleOp | ""; value: string | undefined };

const readCase = (entry: Record<string, unknown>): CaseRow => ({
  id: textOf(entry.id),
  op: ruleOpOf(entry.op, ruleOps),
  value: typeof entry.value === "string" ? entry.value : undefined,
});

const writeCase = ({ id, op, value }: CaseRow): NodeConfig =>
  op !== "" && !opNeedsValue(op) ? { id, op } : { id, op, value: value ?? "" };

/** The subject once, then cases (each an output handle named by its id); the first match wins, else Else. */
export function BranchInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const handles = useHandleEdges(node.id);
  const subject = textOf(node.data.subject);
  const kind = kindOf(subject);
  const cases = recordsOf(node.data.cases).map(readCase);
  const errors = configErrors("branch", node.data);
  const domId = (part: string, index?: number) => `branch-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  const otherIds = (index: number) => cases.filter((_, i) => i !== index).map((c) => c.id);

  const write = (nextSubject: string, next: CaseRow[]) =>
    updateNodeData(node.id, { ...node.data, subject: nextSubject, cases: next.map(writeCase) });

  const setCase = (index: number, next: CaseRow) => {
    const previous = cases[index];
    write(subject, replaced(cases, index, next));
    if (previous && previous.id !== next.id) handles.renamed(index, previous.id, next.id, otherIds(index));
  };

  const addCase = () => {
    const taken = cases.map((c) => c.id);
    write(subject, [...cases, { id: slugId(`case ${cases.length + 1}`, taken), op: opsFor(kind)[0] ?? "equals", value: "" }]);
  };

  return (
    <div className="space-y-4">
      <SubjectControl
        id={domId("subject")}
        subject={subject}
        error={errors.subject}
        onChange={(next) => write(next, cases.map((c) => (c.op === "" ? c : { ...c, op: fitOp(c.op, kindOf(next)) })))}
      />
      <div className="space-y-2">
        {cases.map((entry, index) => (
          <RowGroup
            key={index}
            name={`Case ${index + 1}`}
            onRemove={() => {
              write(subject, without(cases, index));
              handles.removed(index, entry.id);
            }}
          >
            <OperatorSelect
              id={domId("op", index)}
              kind={kind}
              op={entry.op}
              error={errors[`cases.${index}.op`]}
              onChange={(op) => setCase(index, { ...entry, op })}
            />
            {entry.op === "" || opNeedsValue(entry.op) ? (
              <RuleValueInput
                id={domId("value", index)}
                op={entry.op}
                value={entry.value ?? ""}
                error={errors[`cases.${index}.value`]}
                onChange={(value) =>
                  setCase(index, { ...entry, value, id: followingId(entry.id, entry.value ?? "", value, otherIds(index)) })
                }
              />
            ) : null}
            <div className="space-y-1">
              <Label htmlFor={domId("id", index)} className="text-xs">
                Case id
              </Label>
              <Input
                id={domId("id", index)}
                value={entry.id}
                spellCheck={false}
                onChange={(event) => setCase(index, { ...entry, id: event.target.value })}
                aria-invalid={errors[`cases.${index}.id`] ? true : undefined}
                aria-describedby={errors[`cases.${index}.id`] ? `${domId("id", index)}-error` : `${domId("id", index)}-hint`}
                className="h-8 font-mono text-xs"
              />
              {errors[`cases.${index}.id`] ? (
                <FieldError id={`${domId("id", index)}-error`} message={errors[`cases.${index}.id`]} />
              ) : (
                <p id={`${domId("id", index)}-hint`} className="text-[11px] text-slate-400">
                  Names this case’s output on the canvas.
                </p>
              )}
            </div>
          </RowGroup>
        ))}
        <FieldError id={domId("cases-error")} message={errors.cases} />
        <AddRowButton label="Add case" onAdd={addCase} full={cases.length >= MAX_CASES} fullHint={`At most ${MAX_CASES} cases`} />
      </div>
      <p className="rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        The first case that matches wins; when none does, the run takes <span className="font-medium">Else</span>.
      </p>
    </div>
  );
}

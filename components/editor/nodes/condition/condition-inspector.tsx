"use client";

import { MAX_RULES } from "@/lib/flow/nodes/condition";
import { opNeedsValue, opsFor, type RuleOp, ruleOps } from "@/lib/flow/rules";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, RowGroup } from "../../controls/row-group";
import { fitOp, kindOf, OperatorSelect, RuleValueInput, ruleOpOf } from "../../controls/rule-controls";
import { SubjectControl } from "../../controls/subject-control";
import type { EditorNode, NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { recordsOf, replaced, textOf, without } from "../node-data";

type RuleRow = { subject: string; op: RuleOp | ""; value: string | undefined };

const readRule = (rule: Record<string, unknown>): RuleRow => ({
  subject: textOf(rule.subject),
  op: ruleOpOf(rule.op, ruleOps),
  value: typeof rule.value === "string" ? rule.value : undefined,
});

/** Back to the stored shape: `value` only for ops that compare with one. */
const writeRule = ({ subject, op, value }: RuleRow): NodeConfig =>
  op !== "" && !opNeedsValue(op) ? { subject, op } : { subject, op, value: value ?? "" };

export function ConditionInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const rules = recordsOf(node.data.rules).map(readRule);
  const combine = node.data.combine === "any" ? "any" : "all";
  const errors = configErrors("condition", node.data);
  const id = (part: string, index?: number) => `condition-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;

  const setRules = (next: RuleRow[]) => updateNodeData(node.id, { ...node.data, rules: next.map(writeRule) });
  const setRule = (index: number, rule: RuleRow) => setRules(replaced(rules, index, rule));

  const addRule = () => {
    const subject = rules.at(-1)?.subject || "contact.tags";
    const op = opsFor(kindOf(subject))[0] ?? "equals";
    setRules([...rules, { subject, op, value: "" }]);
  };

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={id("combine")}>Match</Label>
        <Select
          id={id("combine")}
          value={combine}
          onChange={(event) => updateNodeData(node.id, { ...node.data, combine: event.target.value === "any" ? "any" : "all" })}
        >
          <option value="all">All rules are true</option>
          <option value="any">Any rule is true</option>
        </Select>
      </div>
      <div className="space-y-2">
        {rules.map((rule, index) => (
          <RowGroup key={index} name={`Rule ${index + 1}`} onRemove={() => setRules(without(rules, index))}>
            <SubjectControl
              id={id("subject", index)}
              subject={rule.subject}
              error={errors[`rules.${index}.subject`]}
              onChange={(subject) => {
                const op = rule.op === "" ? rule.op : fitOp(rule.op, kindOf(subject));
                setRule(index, { ...rule, subject, op });
              }}
            />
            <OperatorSelect
              id={id("op", index)}
              kind={kindOf(rule.subject)}
              op={rule.op}
              error={errors[`rules.${index}.op`]}
              onChange={(op) => setRule(index, { ...rule, op })}
            />
            {rule.op === "" || opNeedsValue(rule.op) ? (
              <RuleValueInput
                id={id("value", index)}
                op={rule.op}
                value={rule.value ?? ""}
                error={errors[`rules.${index}.value`]}
                onChange={(value) => setRule(index, { ...rule, value })}
              />
            ) : null}
          </RowGroup>
        ))}
        <FieldError id={id("rules-error")} message={errors.rules} />
        <AddRowButton label="Add rule" onAdd={addRule} full={rules.length >= MAX_RULES} fullHint={`At most ${MAX_RULES} rules`} />
      </div>
      <div className="space-y-1 rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        <p>
          <span className="font-medium text-emerald-700">True</span>: {combine === "all" ? "every rule holds" : "at least one rule holds"}.
        </p>
        <p>
          <span className="font-medium text-rose-700">False</span>: otherwise. Text compares trimmed and ignoring case.
        </p>
      </div>
    </div>
  );
}

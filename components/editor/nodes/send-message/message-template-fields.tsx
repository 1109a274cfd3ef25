"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RemoveButton } from "../../controls/row-group";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { replaced, withKey, without } from "../node-data";
import { readTemplate, type TemplateDraft, writeTemplate } from "./message-template";

const MAX_PARAMS = 20;

/**
 * "Approved template" (its name), then, once there is one, "Language" and the "Template
 * parameters" ("Parameter 1", ...), which take dynamic fields.
 */
export function MessageTemplateFields({ node, errors }: { node: EditorNode; errors: Record<string, string> }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const template = readTemplate(node.data.template);
  const id = (part: string, index?: number) => `message-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  const setTemplate = (next: TemplateDraft) => updateNodeData(node.id, withKey(node.data, "template", writeTemplate(next)));
  const templateError = errors["template.name"] ?? errors.template;
  const showTemplateDetails = template.name !== "" || template.language !== "" || template.params.length > 0;

  return (
    <InspectorSection title="Template" hint="An approved template may be sent at any time; free text only within 24 hours of the contact's last message.">
      <div className="space-y-1.5">
        <Label htmlFor={id("template")}>Approved template</Label>
        <Input
          id={id("template")}
          value={template.name}
          spellCheck={false}
          placeholder="order_ready"
          onChange={(event) => setTemplate({ ...template, name: event.target.value })}
          aria-invalid={templateError ? true : undefined}
          aria-describedby={templateError ? id("template-error") : id("template-hint")}
        />
        {templateError ? (
          <FieldError id={id("template-error")} message={templateError} />
        ) : (
          <p id={id("template-hint")} className="text-xs leading-relaxed text-slate-500">
            Name of a message template approved by WhatsApp. Leave empty to send free text; the text above is then what the
            conversation shows.
          </p>
        )}
      </div>
      {showTemplateDetails ? (
        <>
          <div className="space-y-1.5">
            <Label htmlFor={id("language")}>Language</Label>
            <Input
              id={id("language")}
              value={template.language}
              spellCheck={false}
              placeholder="en_US"
              onChange={(event) => setTemplate({ ...template, language: event.target.value })}
              aria-invalid={errors["template.language"] ? true : undefined}
              aria-describedby={errors["template.language"] ? id("language-error") : id("language-hint")}
              className="font-mono"
            />
            {errors["template.language"] ? (
              <FieldError id={id("language-error")} message={errors["template.language"]} />
            ) : (
              <p id={id("language-hint")} className="text-xs text-slate-500">
                The template’s language code; en_US when empty.
              </p>
            )}
          </div>
          <div role="group" aria-labelledby={id("params-heading")} className="space-y-2">
            <h4 id={id("params-heading")} className="text-sm font-medium text-slate-700">
              Template parameters
            </h4>
            <p className="-mt-1.5 text-xs text-slate-500">Fill the template’s {"{{1}}, {{2}}"}… in order; dynamic fields work here.</p>
            {template.params.map((param, index) => (
              <div key={index} className="flex items-start gap-1.5">
                <TemplatedTextField
                  compact
                  className="min-w-0 flex-1"
                  id={id("param", index)}
                  label={`Parameter ${index + 1}`}
                  value={param}
                  error={errors[`template.params.${index}`]}
                  maxLength={1024}
                  onChange={(value) => setTemplate({ ...template, params: replaced(template.params, index, value) })}
                />
                <RemoveButton
                  name={`Remove parameter ${index + 1}`}
                  onClick={() => setTemplate({ ...template, params: without(template.params, index) })}
                  className="mt-6"
                />
              </div>
            ))}
            <FieldError id={id("params-error")} message={errors["template.params"]} />
            <AddRowButton
              label="Add parameter"
              onAdd={() => setTemplate({ ...template, params: [...template.params, ""] })}
              full={template.params.length >= MAX_PARAMS}
              fullHint={`At most ${MAX_PARAMS} parameters`}
            />
          </div>
        </>
      ) : null}
    </InspectorSection>
  );
}

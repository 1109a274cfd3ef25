"use client";

import { Trash2 } from "lucide-react";
import { MAX_BUTTON_TITLE, MAX_BUTTONS, MAX_TEXT_LENGTH } from "@/lib/flow/nodes/send-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import type { EditorNode, NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { OUTSIDE_WINDOW_HINT, useOutsideWindow } from "../../use-outside-window";
import { recordsOf, replaced, textOf, withKey, without } from "../node-data";
import { followingId } from "../slug-id";
import { readTemplate, type TemplateDraft, writeTemplate } from "./message-template";

const MAX_PARAMS = 20;

type ButtonRow = { id: string; title: string };

export function SendMessageInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const outsideWindow = useOutsideWindow(node.id);
  const errors = configErrors("sendMessage", node.data);
  const text = textOf(node.data.text);
  const buttons: ButtonRow[] = recordsOf(node.data.buttons).map((b) => ({ id: textOf(b.id), title: textOf(b.title) }));
  const template = readTemplate(node.data.template);
  const id = (part: string, index?: number) => `message-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;

  const update = (next: NodeConfig) => updateNodeData(node.id, next);
  const setButtons = (next: ButtonRow[]) => update(withKey(node.data, "buttons", next.length > 0 ? next : undefined));
  const setTemplate = (next: TemplateDraft) => update(withKey(node.data, "template", writeTemplate(next)));
  const otherButtonIds = (index: number) => buttons.filter((_, i) => i !== index).map((b) => b.id);
  const templateError = errors["template.name"] ?? errors.template;
  const showTemplateDetails = template.name !== "" || template.language !== "" || template.params.length > 0;

  return (
    <div className="space-y-4">
      <TemplatedTextField
        multiline
        rows={6}
        id={id("text")}
        label="Message text"
        value={text}
        error={errors.text}
        maxLength={MAX_TEXT_LENGTH}
        placeholder="Hi {{contact.name | there}}, thanks for your order!"
        hint={
          <>
            Add a fallback for empty values: <code className="text-slate-600">{"{{contact.name | there}}"}</code>.
          </>
        }
        footer={
          <p className="text-right text-[11px] text-slate-400">
            {text.length} / {MAX_TEXT_LENGTH}
          </p>
        }
        onChange={(next) => update({ ...node.data, text: next })}
      />

      <InspectorSection title="Buttons" hint={`Up to ${MAX_BUTTONS} quick replies. A Customer Response route can match a button's id or title.`}>
        {buttons.map((button, index) => {
          const titleError = errors[`buttons.${index}.title`];
          const idError = errors[`buttons.${index}.id`];
          return (
            <RowGroup key={index} name={`Button ${index + 1}`} onRemove={() => setButtons(without(buttons, index))}>
              <div className="grid grid-cols-2 gap-2">
                <div className="space-y-1">
                  <Label htmlFor={id("button-title", index)} className="text-xs">
                    Button title
                  </Label>
                  <Input
                    id={id("button-title", index)}
                    value={button.title}
                    maxLength={MAX_BUTTON_TITLE}
                    placeholder="Yes, please"
                    onChange={(event) => {
                      const title = event.target.value;
                      setButtons(replaced(buttons, index, { title, id: followingId(button.id, button.title, title, otherButtonIds(index)) }));
                    }}
                    aria-invalid={titleError ? true : undefined}
                    aria-describedby={titleError ? id("button-title-error", index) : undefined}
                    className="h-8 text-sm"
                  />
                  <FieldError id={id("button-title-error", index)} message={titleError} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={id("button-id", index)} className="text-xs">
                    Button id
                  </Label>
                  <Input
                    id={id("button-id", index)}
                    value={button.id}
                    spellCheck={false}
                    placeholder="yes-please"
                    onChange={(event) => setButtons(replaced(buttons, index, { ...button, id: event.target.value }))}
                    aria-invalid={idError ? true : undefined}
                    aria-describedby={idError ? id("button-id-error", index) : undefined}
                    className="h-8 font-mono text-xs"
                  />
                  <FieldError id={id("button-id-error", index)} message={idError} />
                </div>
              </div>
            </RowGroup>
          );
        })}
        <FieldError id={id("buttons-error")} message={errors.buttons} />
        <AddRowButton
          label="Add button"
          onAdd={() => setButtons([...buttons, { id: "", title: "" }])}
          full={buttons.length >= MAX_BUTTONS}
          fullHint={`WhatsApp allows at most ${MAX_BUTTONS} buttons`}
        />
      </InspectorSection>

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
                  <button
                    type="button"
                    aria-label={`Remove parameter ${index + 1}`}
                    title={`Remove parameter ${index + 1}`}
                    onClick={() => setTemplate({ ...template, params: without(template.params, index) })}
                    className="mt-6 rounded p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-500"
                  >
                    <Trash2 aria-hidden className="size-3.5" />
                  </button>
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

      {outsideWindow ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-2.5 py-2 text-xs leading-relaxed text-amber-800">
          {OUTSIDE_WINDOW_HINT}
        </p>
      ) : null}
    </div>
  );
}

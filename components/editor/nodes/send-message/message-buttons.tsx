"use client";

import { MAX_BUTTON_TITLE, MAX_BUTTONS } from "@/lib/flow/nodes/send-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { recordsOf, replaced, textOf, withKey, without } from "../node-data";
import { followingId } from "../slug-id";

/** Button ids are not output handles: "true" or "default" are fine. */
const BUTTON_ID = { handle: false };

type ButtonRow = { id: string; title: string };

/** "Buttons": up to 3 rows of "Button title" and "Button id" (a slug of the title until edited). */
export function MessageButtons({ node, errors }: { node: EditorNode; errors: Record<string, string> }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const buttons: ButtonRow[] = recordsOf(node.data.buttons).map((b) => ({ id: textOf(b.id), title: textOf(b.title) }));
  const id = (part: string, index?: number) => `message-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  const setButtons = (next: ButtonRow[]) => updateNodeData(node.id, withKey(node.data, "buttons", next.length > 0 ? next : undefined));
  const otherButtonIds = (index: number) => buttons.filter((_, i) => i !== index).map((b) => b.id);

  return (
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
                    setButtons(replaced(buttons, index, { title, id: followingId(button.id, button.title, title, otherButtonIds(index), BUTTON_ID) }));
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
  );
}

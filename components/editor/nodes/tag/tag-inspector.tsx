"use client";

import { configErrors } from "../../config-errors";
import { errorUnder, FieldError } from "../../controls/field-error";
import { TagListInput } from "../../controls/tag-list-input";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { stringsOf, withKey } from "../node-data";

export function TagInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const errors = configErrors("tag", node.data);
  const id = (part: string) => `tag-${part}-${node.id}`;
  return (
    <div className="space-y-4">
      <TagListInput
        id={id("add")}
        label="Tags to add"
        placeholder="vip, newsletter"
        tags={stringsOf(node.data.add)}
        error={errorUnder(errors, "add")}
        onChange={(tags) => updateNodeData(node.id, withKey(node.data, "add", tags))}
      />
      <TagListInput
        id={id("remove")}
        label="Tags to remove"
        placeholder="lead"
        tags={stringsOf(node.data.remove)}
        error={errorUnder(errors, "remove")}
        onChange={(tags) => updateNodeData(node.id, withKey(node.data, "remove", tags))}
      />
      <FieldError id={id("error")} message={errors[""]} />
      <p className="rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        Tags compare ignoring case: removing “VIP” removes “vip”. Each is 1-50 characters.
      </p>
    </div>
  );
}

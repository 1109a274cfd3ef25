"use client";

import type { NodeProps } from "@xyflow/react";
import { Clock, FileText } from "lucide-react";
import { memo, useMemo } from "react";
import { sendMessageConfig } from "@/lib/flow/nodes/send-message";
import type { EditorNode } from "../../editor-node";
import { NodeOutputs } from "../../node-outputs";
import { NodeShell } from "../../node-shell";
import { OUTSIDE_WINDOW_HINT, useOutsideWindow } from "../../use-outside-window";
import { recordsOf, textOf } from "../node-data";
import { firstIssuePath } from "../node-summary";
import { readTemplate } from "./message-template";

const missingByPath: Record<string, string> = {
  text: "Fix the message text",
  template: "Fix the template",
  buttons: "Fix the buttons",
};

/** The message as a bubble, its quick-reply buttons as chips, and the template it goes out as. */
function SendMessageNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const text = textOf(data.text).trim();
  const template = readTemplate(data.template);
  const buttons = recordsOf(data.buttons).map((button) => textOf(button.title).trim());
  const missing = useMemo(() => {
    const parsed = sendMessageConfig.safeParse(data);
    if (parsed.success) return null;
    const [first] = firstIssuePath(parsed.error);
    if (first === "text" && textOf(data.text).trim() === "") return "Write the message";
    return (typeof first === "string" && missingByPath[first]) || "Fix the message";
  }, [data]);
  const outsideWindow = useOutsideWindow(id);

  return (
    <NodeShell id={id} type="sendMessage" selected={selected}>
      <div className="space-y-1.5 px-3 pb-3">
        {text ? (
          <p className="line-clamp-3 rounded-lg rounded-tl-sm bg-sky-50 px-2.5 py-1.5 text-xs leading-relaxed break-words whitespace-pre-wrap text-slate-700">
            {text}
          </p>
        ) : null}
        {buttons.length > 0 ? (
          <ul aria-label="Buttons" className="flex flex-wrap gap-1">
            {buttons.map((title, index) => (
              <li
                key={index}
                className="rounded-full border border-sky-200 bg-white px-2 py-0.5 text-[11px] font-medium text-sky-700"
              >
                {title || "…"}
              </li>
            ))}
          </ul>
        ) : null}
        {template.name.trim() ? (
          <p className="flex items-center gap-1 text-[11px] text-slate-500">
            <FileText aria-hidden className="size-3" />
            Template: {template.name.trim()}
            {template.language.trim() ? ` (${template.language.trim()})` : ""}
          </p>
        ) : null}
        {missing ? <p className="text-xs text-red-600">{missing}</p> : null}
        {outsideWindow ? (
          <p title={OUTSIDE_WINDOW_HINT} className="flex items-center gap-1 text-[11px] text-amber-700">
            <Clock aria-hidden className="size-3" /> May be outside the 24-hour window
          </p>
        ) : null}
      </div>
      <NodeOutputs nodeId={id} type="sendMessage" data={data} />
    </NodeShell>
  );
}

export const SendMessageNode = memo(SendMessageNodeView);

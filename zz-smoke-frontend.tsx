import { ReactFlowProvider } from "@xyflow/react";
import { renderToString } from "react-dom/server";
import { nodeTypes, type NodeType } from "@/lib/flow/graph";
import { nodeDefinitions } from "@/lib/flow/registry";
import { EditorStoreProvider } from "@/components/editor/editor-store-context";
import { editorNodeTypes } from "@/components/editor/editor-node-types";
import { nodeInspectors } from "@/components/editor/node-inspectors";
import { Palette } from "@/components/editor/palette";
import type { EditorNode } from "@/components/editor/editor-node";

const samples: Partial<Record<NodeType, Record<string, unknown>[]>> = {
  sendMessage: [{ text: "Hi", buttons: [{ id: "yes", title: "Yes" }], template: { name: "order_ready", language: "it", params: ["{{contact.fields.city}}"] } }, { text: "", template: "x y" }],
  customerResponse: [{ timeout: { amount: 1, unit: "hours" }, saveReplyTo: "city", routes: [{ id: "sales", label: "Sales", op: "contains", value: "buy" }] }],
  condition: [{ combine: "any", rules: [{ subject: "contact.fields.city", op: "equals", value: "Milano" }, { subject: "contact.tags", op: "exists" }] }, {}],
  branch: [{ subject: "contact.fields.", cases: [{ id: "", op: "bogus" }] }],
  delay: [{ until: { time: "09:00", weekdays: ["mon"], timezone: "Europe/Rome" } }, { duration: {}, until: 3 }],
  tag: [{ add: ["vip"], remove: "x" }],
  webhook: [{ method: "GET", url: "https://a.b/c", headers: { Authorization: "Bearer {{contact.fields.token}}" }, saveResponse: { order_id: "order.id" }, retries: 0 }],
  exitAutomations: [{ scope: "selected", automationIds: ["a1"] }, { scope: "zzz" }],
  startAutomation: [{ automationId: "abc" }],
  setField: [{ field: 3, value: null }],
};

const automation = { id: "auto1", name: "A", publishedVersion: null, updatedAt: new Date().toISOString(), graph: { nodes: [{ id: "trigger", type: "trigger" as const, position: { x: 0, y: 0 }, data: {} }], edges: [] } };

let failures = 0;
for (const type of nodeTypes) {
  const datas = [structuredClone(nodeDefinitions[type].defaults) as Record<string, unknown>, ...(samples[type] ?? [])];
  for (const data of datas) {
    const node: EditorNode = { id: `${type}-1`, type, position: { x: 0, y: 0 }, data };
    const Comp = editorNodeTypes[type];
    const Form = nodeInspectors[type];
    try {
      const html = renderToString(
        <EditorStoreProvider automation={automation}>
          <ReactFlowProvider>
            <Comp id={node.id} type={type} data={data} selected={false} dragging={false} zIndex={0} isConnectable deletable draggable selectable positionAbsoluteX={0} positionAbsoluteY={0} />
            {Form ? <Form node={node} /> : null}
          </ReactFlowProvider>
        </EditorStoreProvider>,
      );
      const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300);
      console.log(`OK ${type}: ${text}`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${type} ${JSON.stringify(data)}`, error);
    }
  }
}
console.log(renderToString(<EditorStoreProvider automation={automation}><Palette onAdd={() => {}} /></EditorStoreProvider>).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 400));
console.log("failures", failures);

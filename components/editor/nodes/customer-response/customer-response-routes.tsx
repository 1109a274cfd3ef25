"use client";

import { MAX_ROUTES, type RouteOp, routeOps } from "@/lib/flow/nodes/customer-response";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { recordsOf, replaced, textOf, withKey, without } from "../node-data";
import { followingId } from "../slug-id";
import { useHandleEdges } from "../use-handle-edges";

type RouteRow = { id: string; label: string; op: RouteOp | ""; value: string };

const opLabels: Record<RouteOp, string> = {
  equals: "equals",
  contains: "contains",
  startsWith: "starts with",
  matches: "matches pattern",
};

const readRoute = (route: Record<string, unknown>): RouteRow => ({
  id: textOf(route.id),
  label: textOf(route.label),
  op: routeOps.find((op) => op === route.op) ?? "",
  value: textOf(route.value),
});

/** "Routes": replies that match one take its own output (handle id = route id), before Replied. */
export function CustomerResponseRoutes({ node, errors }: { node: EditorNode; errors: Record<string, string> }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const handles = useHandleEdges(node.id);
  const routes = recordsOf(node.data.routes).map(readRoute);
  const domId = (part: string, index: number) => `route-${part}-${node.id}-${index}`;
  const otherIds = (index: number) => routes.filter((_, i) => i !== index).map((r) => r.id);

  const write = (next: RouteRow[]) => updateNodeData(node.id, withKey(node.data, "routes", next.length > 0 ? next : undefined));
  const setRoute = (index: number, next: RouteRow) => {
    const previous = routes[index];
    write(replaced(routes, index, next));
    if (previous && previous.id !== next.id) handles.renamed(index, previous.id, next.id, otherIds(index));
  };

  return (
    <InspectorSection
      title="Routes"
      hint="A reply in time takes the first route it matches (text trimmed, ignoring case; a button press matches its id or title), else Replied."
    >
      {routes.map((route, index) => {
        const error = (field: string) => errors[`routes.${index}.${field}`];
        const control = (field: string) => ({
          "aria-invalid": error(field) ? true : undefined,
          "aria-describedby": error(field) ? domId(`${field}-error`, index) : undefined,
        });
        return (
          <RowGroup
            key={index}
            name={`Route ${index + 1}`}
            onRemove={() => {
              write(without(routes, index));
              handles.removed(index, route.id);
            }}
          >
            <div className="grid grid-cols-2 gap-2">
              <div className="space-y-1">
                <Label htmlFor={domId("label", index)} className="text-xs">
                  Route label
                </Label>
                <Input
                  id={domId("label", index)}
                  value={route.label}
                  maxLength={40}
                  placeholder="Talk to sales"
                  onChange={(event) => {
                    const label = event.target.value;
                    setRoute(index, { ...route, label, id: followingId(route.id, route.label, label, otherIds(index)) });
                  }}
                  {...control("label")}
                  className="h-8 text-sm"
                />
                <FieldError id={domId("label-error", index)} message={error("label")} />
              </div>
              <div className="space-y-1">
                <Label htmlFor={domId("id", index)} className="text-xs">
                  Route id
                </Label>
                <Input
                  id={domId("id", index)}
                  value={route.id}
                  spellCheck={false}
                  placeholder="talk-to-sales"
                  onChange={(event) => setRoute(index, { ...route, id: event.target.value })}
                  {...control("id")}
                  className="h-8 font-mono text-xs"
                />
                <FieldError id={domId("id-error", index)} message={error("id")} />
              </div>
            </div>
            <div className="grid grid-cols-[1fr_1.4fr] gap-2">
              <div className="space-y-1">
                <Label htmlFor={domId("op", index)} className="text-xs">
                  Match
                </Label>
                <Select
                  id={domId("op", index)}
                  value={route.op}
                  onChange={(event) => setRoute(index, { ...route, op: routeOps.find((op) => op === event.target.value) ?? route.op })}
                  {...control("op")}
                >
                  {route.op === "" ? <option value="">Choose…</option> : null}
                  {routeOps.map((op) => (
                    <option key={op} value={op}>
                      {opLabels[op]}
                    </option>
                  ))}
                </Select>
                <FieldError id={domId("op-error", index)} message={error("op")} />
              </div>
              <div className="space-y-1">
                <Label htmlFor={domId("value", index)} className="text-xs">
                  Value
                </Label>
                <Input
                  id={domId("value", index)}
                  value={route.value}
                  spellCheck={route.op === "matches" ? false : undefined}
                  placeholder={route.op === "matches" ? "^(yes|si)\\b" : "sales"}
                  onChange={(event) => setRoute(index, { ...route, value: event.target.value })}
                  {...control("value")}
                  className={route.op === "matches" ? "h-8 font-mono text-xs" : "h-8 text-sm"}
                />
                <FieldError id={domId("value-error", index)} message={error("value")} />
              </div>
            </div>
          </RowGroup>
        );
      })}
      <FieldError id={`routes-error-${node.id}`} message={errors.routes} />
      <AddRowButton
        label="Add route"
        onAdd={() => write([...routes, { id: "", label: "", op: "equals", value: "" }])}
        full={routes.length >= MAX_ROUTES}
        fullHint={`At most ${MAX_ROUTES} routes`}
      />
    </InspectorSection>
  );
}

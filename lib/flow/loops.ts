import type { Graph } from "./graph.ts";
import { nodeDefinition } from "./registry.ts";

/**
 * The nodes on a loop that has no waiting step (a definition with `waits`: Customer Response,
 * Delay). Loops are allowed, but a run going round one without parking is stopped by the engine
 * after MAX_RUN_STEPS steps; a loop through a wait (a reminder loop) is what loops are for.
 *
 * A node lies on such a loop exactly when it shares a strongly connected component (of two or
 * more nodes, or one with an edge to itself) with other nodes of the graph left once the waiting
 * nodes are taken out. Tarjan's algorithm, iterative so a long chain cannot overflow the stack:
 * O(V + E).
 */
export function loopsWithoutWait({ nodes, edges }: Graph): Set<string> {
  const candidates = new Set(nodes.filter((n) => !nodeDefinition(n.type).waits).map((n) => n.id));
  const next = new Map<string, string[]>();
  const selfLoops = new Set<string>();
  for (const { source, target } of edges) {
    if (!candidates.has(source) || !candidates.has(target)) continue;
    if (source === target) selfLoops.add(source);
    const list = next.get(source);
    if (list) list.push(target);
    else next.set(source, [target]);
  }

  const onLoop = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;

  for (const root of candidates) {
    if (index.has(root)) continue;
    // Each frame: a node and how many of its successors it has looked at.
    const frames: { id: string; child: number }[] = [{ id: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (!frame) break;
      const successors = next.get(frame.id) ?? [];
      const successor = successors[frame.child++];
      if (successor !== undefined) {
        if (!index.has(successor)) {
          index.set(successor, counter);
          low.set(successor, counter++);
          stack.push(successor);
          onStack.add(successor);
          frames.push({ id: successor, child: 0 });
        } else if (onStack.has(successor)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(successor) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      // frame.id roots a component: pop it off the stack.
      const component: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        onStack.delete(id);
        component.push(id);
        if (id === frame.id) break;
      }
      if (component.length > 1 || selfLoops.has(frame.id)) for (const id of component) onLoop.add(id);
    }
  }
  return onLoop;
}

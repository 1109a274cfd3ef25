import type { Route } from "../flow/nodes/customer-response.ts";
import type { MessageButton } from "../flow/nodes/send-message.ts";
import { evaluateRule, fold } from "../flow/rules.ts";

export type Reply = { text: string; buttonId?: string | null };

const same = (a: string, b: string) => fold(a) === fold(b);

/**
 * The handle a reply in time takes: the first route it matches, else `replied`. A reply pressed
 * a button of the message before when it carries that button's id, or types its title; such a
 * press also matches an `equals` route whose value is the button's id or title.
 */
export function matchReply(routes: Route[] | undefined, reply: Reply, buttons: MessageButton[]): string {
  const pressed = buttons.find((b) => reply.buttonId != null && b.id === reply.buttonId) ?? buttons.find((b) => same(b.title, reply.text));
  const values = { name: null, phone: "", fields: {}, tags: [], lastReply: reply.text };
  const route = (routes ?? []).find((r) => {
    if (pressed && r.op === "equals" && (same(r.value, pressed.id) || same(r.value, pressed.title))) return true;
    return evaluateRule({ subject: "lastReply", op: r.op, value: r.value }, values);
  });
  return route?.id ?? "replied";
}

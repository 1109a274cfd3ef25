import { db } from "../../lib/db.ts";
import { startRuns } from "../../lib/engine/start-runs.ts";
import { graphOf } from "./graph-builder.ts";
import { publishedAutomation } from "./scenario.ts";

/**
 * The load of the fault suite: each run sends a template (no 24-hour window needed), waits for a
 * reply for `waitSeconds`, then ends on either path.
 */
export async function startSendAndWait(count: number, waitSeconds: number, phonePrefix: string) {
  const automation = await publishedAutomation(graphOf(
    [
      ["ask", "sendMessage", { text: "Checking in", template: { name: "checkin", language: "en_US", params: ["{{contact.phone}}"] } }],
      ["wait", "customerResponse", { timeout: { amount: waitSeconds, unit: "seconds" } }],
      ["replied", "end", {}],
      ["silent", "end", {}],
    ],
    ["start->ask", "ask->wait", "wait.replied->replied", "wait.noResponse->silent"],
  ));
  const contacts = Array.from({ length: count }, (_, i) => ({ phone: `${phonePrefix}${String(i).padStart(6, "0")}` }));
  const runs = await startRuns(automation.id, contacts);
  return { automation, runs };
}

/** The figures a fault test asserts on, counted in the database. */
export async function loadOutcome(automationId: string) {
  const byStatus = await db().run.groupBy({ by: ["status"], where: { automationId }, _count: true });
  const messages = await db().message.groupBy({ by: ["status"], where: { run: { automationId }, direction: "outbound" }, _count: true });
  return {
    runs: Object.fromEntries(byStatus.map((r) => [r.status, r._count])),
    messages: Object.fromEntries(messages.map((m) => [m.status, m._count])),
  };
}

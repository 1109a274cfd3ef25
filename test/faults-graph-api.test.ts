import { describe, expect, it } from "vitest";
import type { FakeGraphApi } from "../scripts/fake-meta/server.ts";
import { db } from "../lib/db.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { fakeMeta } from "./helpers/fake-meta.ts";
import { waitFor } from "./helpers/wait-for.ts";
import { loadOutcome, startSendAndWait } from "./helpers/whatsapp-load.ts";

// The Graph API answering 500, then hanging, then 429, for a while each (8 s here; a minute in
// bench/faults.ts): the messages go out late, and once.
const fake = await fakeMeta("4000004");
const env = {
  ...fake.env,
  WHATSAPP_SEND_TIMEOUT_MS: "1000",
  WHATSAPP_SEND_LEASE_SECONDS: "10",
  WHATSAPP_SEND_DOUBT_SECONDS: "5",
};
setupTestEnvironment({ workers: 2, env });


describe("Graph API outages", () => {
  it("500s, timeouts and 429s: every message goes out after the outage, exactly once", async () => {
    const phases: [string, Parameters<FakeGraphApi["setMode"]>[0]][] = [
      ["500", { kind: "error", status: 500, code: 1, title: "An unknown error occurred" }],
      ["timeout", { kind: "hang" }],
      ["429", { kind: "error", status: 429, code: 130429, title: "Rate limit hit" }],
    ];
    fake.meta().setMode(phases[0]![1]);
    const { automation } = await startSendAndWait(100, 60, "+3936400");
    const outageStart = Date.now();
    for (const [, mode] of phases) {
      fake.meta().setMode(mode);
      await new Promise((resolve) => setTimeout(resolve, 8_000));
    }
    const attemptsDuringOutage = fake.meta().attempts;
    expect(fake.meta().sends).toHaveLength(0);
    fake.meta().setMode({ kind: "ok" });
    const outageMs = Date.now() - outageStart;
    await waitFor(async () => (await db().message.count({ where: { run: { automationId: automation.id }, status: "pending" } })) === 0, { timeoutMs: 120_000, intervalMs: 500, what: "every message sent" });
    const recoveredMs = Date.now() - outageStart - outageMs;
    const outcome = await loadOutcome(automation.id);
    console.log(`[faults] Graph API outage ${outageMs} ms: ${attemptsDuringOutage} attempts refused or timed out; all sent ${recoveredMs} ms after it ended; sends ${fake.meta().sends.length}, duplicates ${fake.meta().duplicates().length}`);
    expect(outcome.messages.failed ?? 0).toBe(0);
    expect(fake.meta().sends).toHaveLength(100);
    expect(new Set(fake.meta().sends.map((s) => s.callbackData)).size).toBe(100);
    expect(fake.meta().duplicates()).toEqual([]);
    expect(attemptsDuringOutage).toBeGreaterThan(100);
  }, 180_000);
});

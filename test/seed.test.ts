import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db.ts";
import { receiveInbound } from "../lib/engine/receive-inbound.ts";
import { startRuns } from "../lib/engine/start-runs.ts";
import { setupTestEnvironment } from "./helpers/environment.ts";
import { outboundTexts, runOf, waitForStatus } from "./helpers/scenario.ts";

setupTestEnvironment({ workers: 1 });

const seed = () => execFileSync("npx", ["tsx", "prisma/seed.ts"], { env: process.env, encoding: "utf8" });

describe("the demo seed", () => {
  it("publishes both demos and a demo contact, once, and the check-up demo runs its reply paths", async () => {
    expect(seed()).toContain("Product X check-up (demo)");
    expect(seed()).not.toContain("[seed] created");
    const automations = await db().automation.findMany({ include: { versions: true }, orderBy: { name: "asc" } });
    expect(automations.map((a) => [a.name, a.versions.length])).toEqual([["Delivery confirmation (demo)", 1], ["Product X check-up (demo)", 1]]);

    const checkUp = automations[1]!;
    const [buyer, other] = await startRuns(checkUp.id, [{ phone: "+393331234567" }, { phone: "+393339999999" }]);
    await waitForStatus(buyer!.id, ["waiting"]);
    await waitForStatus(other!.id, ["completed"]);
    expect(await outboundTexts(other!.id)).toEqual([]);

    await receiveInbound({ from: "+393331234567", text: "I need help", buttonId: "help" });
    await waitForStatus(buyer!.id, ["completed"]);
    expect(await outboundTexts(buyer!.id)).toEqual([
      "Hi Giulia! How is your Espresso Machine X going? Tap a button or just reply.",
      "Thanks! An operator will write to you shortly.",
    ]);
    const contact = await db().contact.findUniqueOrThrow({ where: { id: buyer!.contactId } });
    expect(contact.tags).toEqual(["bought-x", "needs-operator"]);
    expect(contact.fields).toMatchObject({ checkup_reply: "I need help" });
    expect((await runOf(buyer!.id)).steps.map((s) => s.nodeId)).toContain("tag-operator");
  });
});

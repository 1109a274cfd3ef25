import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveSendSlots } from "../lib/channels/whatsapp/pace.ts";
import { closePool } from "../lib/sql.ts";
import { createTestDatabase } from "./helpers/database.ts";

beforeAll(() => createTestDatabase("pace"));
afterAll(() => closePool());

describe("pacing per phone number", () => {
  it("workers reserving at once get slots one gap apart, never the same, whoever asks", async () => {
    // Ten "workers" ask for 8 slots each at 40 messages/s: 80 slots, 25 ms apart, 2 s in all.
    // Each answer is "ms from now": made absolute as it arrives (a ms or two of skew at most).
    const batches = await Promise.all(Array.from({ length: 10 }, async () => {
      const slots = await reserveSendSlots("111", 40, 8);
      const now = Date.now();
      return slots.map((ms) => now + ms);
    }));
    // Within a batch, slots are one gap apart; batches never overlap: each starts at least 8 gaps
    // after the one before (less a few ms of clock skew between the answers).
    for (const batch of batches) expect(batch.slice(1).map((at, i) => at - batch[i]!)).toEqual(Array(7).fill(25));
    const firsts = batches.map((b) => b[0]!).sort((a, b) => a - b);
    expect(Math.min(...firsts.slice(1).map((at, i) => at - firsts[i]!))).toBeGreaterThan(8 * 25 - 30);
    expect(firsts.at(-1)! - firsts[0]!).toBeGreaterThan(9 * 8 * 25 - 60);
  });

  it("numbers are paced apart from each other", async () => {
    const [a] = await reserveSendSlots("222", 1, 1);
    const [b] = await reserveSendSlots("333", 1, 1);
    expect(a).toBeLessThan(50);
    expect(b).toBeLessThan(50);
    const [c] = await reserveSendSlots("222", 1, 1);
    expect(c).toBeGreaterThan(900);
  });
});

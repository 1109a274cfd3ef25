import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { setupTestEnvironment } from "../../test/helpers/environment.ts";
import { fixture, publishedAutomation } from "../../test/helpers/scenario.ts";
import { db } from "../db.ts";
import { startRuns } from "../engine/start-runs.ts";
import { receiveInbound } from "../engine/receive-inbound.ts";
import { AppError } from "../errors.ts";
import { listContactsQuery, patchContactBody, upsertContactBody } from "./contact-schemas.ts";
import { deleteContact as deleteContactUnscoped } from "./delete-contact.ts";
import { getContact as getContactUnscoped } from "./get-contact.ts";
import { listContacts as listContactsUnscoped } from "./list-contacts.ts";
import { patchContact as patchContactUnscoped } from "./patch-contact.ts";
import { upsertContact as upsertContactUnscoped } from "./upsert-contact.ts";
import { inWorkspace } from "../auth/scope.ts";

const upsertContact = inWorkspace("default", upsertContactUnscoped);
const patchContact = inWorkspace("default", patchContactUnscoped);
const listContacts = inWorkspace("default", listContactsUnscoped);
const getContact = inWorkspace("default", getContactUnscoped);
const deleteContact = inWorkspace("default", deleteContactUnscoped);

/** Contacts with fields and tags against a real Postgres (no workers: runs stay where they start). */

setupTestEnvironment({ workers: 0 });

const upsert = (body: unknown) => upsertContact(upsertContactBody.parse(body));
const patch = (phone: string, body: unknown) => patchContact(phone, patchContactBody.parse(body));
const list = (query: Record<string, string>) => listContacts(listContactsQuery.parse(query));

describe("upsert", () => {
  it("creates, then merges fields, adds tags ignoring case and keeps the name unless given", async () => {
    const created = await upsert({ phone: "+393330000001", name: "Ada", fields: { city: "Rome" }, tags: ["VIP", "vip", "new"] });
    expect(created.created).toBe(true);
    expect(created.contact).toEqual({
      id: expect.any(String), phone: "+393330000001", name: "Ada", fields: { city: "Rome" }, tags: ["VIP", "new"], createdAt: expect.any(String),
    });
    const again = await upsert({ phone: "+393330000001", fields: { plan: "pro" }, tags: ["Vip", "late"] });
    expect(again.created).toBe(false);
    expect(again.contact).toMatchObject({ id: created.contact.id, name: "Ada", fields: { city: "Rome", plan: "pro" }, tags: ["VIP", "new", "late"] });
    expect((await upsert({ phone: "+393330000001", name: "Ada L." })).contact.name).toBe("Ada L.");
  });

  it("merges concurrent upserts of one phone without losing any", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upsert({ phone: "+393330000002", fields: { [`k${i}`]: `${i}` }, tags: [`t${i}`] })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const contact = await getContact("+393330000002");
    expect(Object.keys(contact.fields)).toHaveLength(8);
    expect(contact.tags).toHaveLength(8);
  });

  it("refuses bad keys, long values and tags, too many fields, unknown properties and bad phones", () => {
    const bad = [
      { phone: "+393330000003", fields: { City: "x" } },
      { phone: "+393330000003", fields: { "1a": "x" } },
      { phone: "+393330000003", fields: { a: "x".repeat(1001) } },
      { phone: "+393330000003", fields: { a: 1 } },
      { phone: "+393330000003", fields: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, "v"])) },
      { phone: "+393330000003", tags: ["x".repeat(51)] },
      { phone: "+393330000003", tags: ["  "] },
      { phone: "+393330000003", extra: true },
      { phone: "393330000003" },
    ];
    for (const body of bad) expect(upsertContactBody.safeParse(body).success, JSON.stringify(body).slice(0, 80)).toBe(false);
  });

  it("refuses a merge that would pass the field cap, and writes nothing", async () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, "v"]));
    await upsert({ phone: "+393330000004", fields: many });
    await expect(upsert({ phone: "+393330000004", fields: { one_more: "v" }, tags: ["x"] })).rejects.toThrow(AppError);
    expect((await getContact("+393330000004")).tags).toEqual([]);
  });
});

describe("patch", () => {
  it("sets and removes fields, adds and removes tags ignoring case, renames", async () => {
    await upsert({ phone: "+393330000010", name: "Bo", fields: { a: "1", b: "2" }, tags: ["One", "Two"] });
    const patched = await patch("+393330000010", { name: "Bob", fields: { a: null, c: "3" }, addTags: ["three", "ONE"], removeTags: ["two"] });
    expect(patched).toMatchObject({ name: "Bob", fields: { b: "2", c: "3" }, tags: ["One", "three"] });
    expect((await patch("+393330000010", { name: null })).name).toBeNull();
  });

  it("serialises concurrent patches: no field is lost", async () => {
    await upsert({ phone: "+393330000011" });
    await Promise.all(Array.from({ length: 10 }, (_, i) => patch("+393330000011", { fields: { [`f${i}`]: "x" }, addTags: [`t${i}`] })));
    const contact = await getContact("+393330000011");
    expect(Object.keys(contact.fields)).toHaveLength(10);
    expect(contact.tags).toHaveLength(10);
  });

  it("404s an unknown contact and refuses bad input", async () => {
    await expect(patch("+393339999999", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(patch("not-a-phone", { name: "x" })).rejects.toThrow(ZodError);
    expect(patchContactBody.safeParse({ fields: { Bad: "x" } }).success).toBe(false);
    expect(patchContactBody.safeParse({ addTags: [""] }).success).toBe(false);
    expect(patchContactBody.safeParse({ tags: ["x"] }).success).toBe(false);
  });
});

describe("list", () => {
  it("pages newest first, searches phone and name, filters by tag ignoring case", async () => {
    for (let i = 0; i < 5; i++) await upsert({ phone: `+3933400000${i}0`, name: i % 2 === 0 ? `Carla_${i}` : `Dino%${i}`, tags: i < 3 ? ["Promo"] : [] });
    // Creation times one second apart: rows made within one millisecond tie on createdAt (then
    // order by id), which would make "newest first" a coin toss here.
    await db().$executeRaw`UPDATE "Contact" SET "createdAt" = now() - make_interval(secs => 100 - substr(phone, 12, 1)::int) WHERE phone LIKE '+3933400000_0'`;
    const first = await list({ search: "+3933400", limit: "2" });
    expect(first.contacts.map((c) => c.phone)).toEqual(["+393340000040", "+393340000030"]);
    const second = await list({ search: "+3933400", limit: "2", cursor: first.nextCursor ?? "" });
    const third = await list({ search: "+3933400", limit: "2", cursor: second.nextCursor ?? "" });
    expect([...second.contacts, ...third.contacts].map((c) => c.phone)).toEqual(["+393340000020", "+393340000010", "+393340000000"]);
    expect(third.nextCursor).toBeNull();

    expect((await list({ search: "carla" })).contacts.map((c) => c.name)).toEqual(["Carla_4", "Carla_2", "Carla_0"]);
    // LIKE's wildcards match themselves.
    expect((await list({ search: "o%" })).contacts.map((c) => c.name)).toEqual(["Dino%3", "Dino%1"]);
    expect((await list({ search: "a_" })).contacts.map((c) => c.name)).toEqual(["Carla_4", "Carla_2", "Carla_0"]);
    expect((await list({ tag: "PROMO" })).contacts.map((c) => c.phone)).toEqual(["+393340000020", "+393340000010", "+393340000000"]);
  });

  it("refuses bad cursors and limits", () => {
    expect(listContactsQuery.safeParse({ cursor: "bogus!" }).success).toBe(false);
    expect(listContactsQuery.safeParse({ limit: "201" }).success).toBe(false);
    expect(listContactsQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(listContactsQuery.parse({}).limit).toBe(50);
  });
});

describe("get and delete", () => {
  it("shows active runs, then deletes after cancelling them, with messages, waits and history", async () => {
    const phone = "+393350000001";
    const automation = await publishedAutomation(fixture("reply-or-remind"));
    const [run] = await startRuns(automation.id, [{ phone }]);
    if (!run) throw new Error("run expected");
    await receiveInbound({ from: phone, text: "hello", providerMessageId: "in-delete-1" });
    const contact = await getContact(phone);
    expect(contact.runs).toEqual([{ id: run.id, automationId: automation.id, status: "running", currentNodeId: expect.any(String) }]);

    await deleteContact(phone);
    await expect(getContact(phone)).rejects.toMatchObject({ code: "not_found" });
    expect(await db().run.count({ where: { id: run.id } })).toBe(0);
    expect(await db().runStep.count({ where: { runId: run.id } })).toBe(0);
    expect(await db().message.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await db().wait.count({ where: { contactId: contact.id } })).toBe(0);
    await expect(deleteContact(phone)).rejects.toMatchObject({ code: "not_found" });
  });

  it("new contacts made by the engine get empty fields and tags", async () => {
    await receiveInbound({ from: "+393350000002", text: "hi", providerMessageId: "in-new-1" });
    expect(await getContact("+393350000002")).toMatchObject({ fields: {}, tags: [], runs: [] });
    await expect(getContact("%2B39")).rejects.toThrow(ZodError);
  });
});

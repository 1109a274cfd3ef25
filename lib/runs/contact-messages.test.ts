import { afterAll, beforeAll, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { contactMessages as contactMessagesUnscoped, contactMessagesQuery } from "./contact-messages.ts";
import { inWorkspace } from "../auth/scope.ts";

const contactMessages = inWorkspace("default", contactMessagesUnscoped);

/** A contact's thread against a real Postgres: oldest first, keyset pages on contactSeq. */

const phone = "+393330000001";

beforeAll(async () => {
  await createTestDatabase("contact_messages");
  await db().$executeRawUnsafe(`
    INSERT INTO "Contact" (id, "workspaceId", phone, "messageSeq") VALUES ('contact1', 'default', '${phone}', 12);
    INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, "contactSeq")
    SELECT 'm' || lpad(g::text, 2, '0'), 'default', 'contact1', (CASE WHEN g % 2 = 0 THEN 'inbound' ELSE 'outbound' END)::"Direction", 'Message ' || g, g
    FROM generate_series(1, 12) g;`);
});

afterAll(() => db().$disconnect());

const page = (query: Record<string, string>) => contactMessages(phone, contactMessagesQuery.parse(query));

it("pages through the thread oldest first", async () => {
  const first = await page({ limit: "5" });
  expect(first.messages.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Message ${n}`));
  const second = await page({ limit: "5", cursor: first.nextCursor ?? "" });
  const third = await page({ limit: "5", cursor: second.nextCursor ?? "" });
  expect([...second.messages, ...third.messages].map((m) => m.text)).toEqual([6, 7, 8, 9, 10, 11, 12].map((n) => `Message ${n}`));
  expect(third.nextCursor).toBeNull();
});

it("answers the whole thread within the default limit, in the contract's shape", async () => {
  const { messages, nextCursor } = await page({});
  expect(messages).toHaveLength(12);
  expect(nextCursor).toBeNull();
  expect(messages[1]).toEqual({ id: "m02", direction: "inbound", text: "Message 2", at: expect.any(String) });
});

it("refuses bad phones, cursors and limits, and knows unknown contacts", async () => {
  await expect(contactMessages("%", contactMessagesQuery.parse({}))).rejects.toThrow(ZodError);
  await expect(contactMessages("+393339999999", contactMessagesQuery.parse({}))).rejects.toThrow(AppError);
  expect(contactMessagesQuery.safeParse({ cursor: "bogus!" }).success).toBe(false);
  expect(contactMessagesQuery.safeParse({ limit: "501" }).success).toBe(false);
  expect(contactMessagesQuery.safeParse({ limit: "500" }).success).toBe(true);
});

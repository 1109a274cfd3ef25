import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readJson } from "../lib/api/read-json.ts";
import { errorResponse } from "../lib/api/route.ts";
import { whatsappConfig } from "../lib/channels/whatsapp/config.ts";
import { db } from "../lib/db.ts";
import { fingerprint } from "../lib/settings/secret-box.ts";
import {
  checkWhatsappConnection,
  deleteWhatsappSettings,
  getWhatsappSettings,
  saveWhatsappSettings,
  whatsappSettingsBody,
} from "../lib/settings/whatsapp-settings.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../lib/workspace.ts";
import { createTestDatabase } from "./helpers/database.ts";

// The Settings page's storage against a real database: secrets encrypted at rest, never shown,
// kept when left out, refused with words when they cannot be stored.
const KEY = "a1".repeat(32);
const TOKEN = "EAAG-test-access-token-0123456789";
const SECRET = "app-secret-0123456789";

beforeAll(async () => {
  await createTestDatabase();
  process.env.SETTINGS_ENCRYPTION_KEY = KEY;
  for (const name of ["WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_API_BASE"]) delete process.env[name];
});
afterEach(async () => {
  process.env.SETTINGS_ENCRYPTION_KEY = KEY;
  delete process.env.WHATSAPP_PHONE_NUMBER_ID;
  delete process.env.WHATSAPP_ACCESS_TOKEN;
  await deleteWhatsappSettings(WS);
});
afterAll(() => db().$disconnect());

/** A PUT body as the route reads it (size cap, JSON, zod), then the save; errors as the route answers them. */
async function put(body: unknown): Promise<{ status: number; json: unknown }> {
  try {
    const request = new Request("http://test/api/settings/whatsapp", { method: "PUT", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: 200, json: await saveWhatsappSettings(WS, await readJson(request, whatsappSettingsBody)) };
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, json: await response.json() };
  }
}

const rowOf = () => db().whatsappSettings.findUnique({ where: { workspaceId: WS } });
const valid = { phoneNumberId: "106540352242922", accessToken: TOKEN, appSecret: SECRET, verifyToken: "verify-me-please" };

describe("saving", () => {
  it("encrypts the secrets: the row holds neither the token nor the app secret in clear", async () => {
    const { status } = await put(valid);
    expect(status).toBe(200);
    const row = await rowOf();
    expect(row).toMatchObject({ phoneNumberId: "106540352242922", apiBase: null, messagesPerSecond: 80, verifyToken: "verify-me-please" });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(row!.accessTokenEncrypted).toMatch(/^v1\./);
  });

  it("the view never carries a secret, only whether each is set and the token's fingerprint", async () => {
    const { json } = await put(valid);
    const view = await getWhatsappSettings(WS);
    expect(json).toEqual(view);
    expect(view).toMatchObject({
      channel: "whatsapp", source: "settings", phoneNumberId: "106540352242922", apiBase: "https://graph.facebook.com/v26.0", messagesPerSecond: 80,
      verifyTokenSet: true, appSecretSet: true, accessTokenFingerprint: fingerprint(TOKEN), encryptionKeySet: true, secretsReadable: true,
    });
    expect(view.updatedAt).toEqual(expect.any(String));
    for (const secret of [TOKEN, SECRET, "verify-me-please"]) expect(JSON.stringify(view)).not.toContain(secret);
  });

  it("an update without the token (or secrets) keeps them; an empty string clears an optional one", async () => {
    await put(valid);
    const before = await rowOf();
    expect((await put({ phoneNumberId: "2222222222", messagesPerSecond: 20, apiBase: "http://127.0.0.1:4010/v26.0/" })).status).toBe(200);
    const kept = await rowOf();
    expect(kept).toMatchObject({ phoneNumberId: "2222222222", messagesPerSecond: 20, apiBase: "http://127.0.0.1:4010/v26.0", accessTokenEncrypted: before!.accessTokenEncrypted, appSecretEncrypted: before!.appSecretEncrypted, verifyToken: "verify-me-please" });
    expect(kept!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());

    await put({ phoneNumberId: "2222222222", appSecret: "", verifyToken: null });
    expect(await getWhatsappSettings(WS)).toMatchObject({ appSecretSet: false, verifyTokenSet: false, accessTokenFingerprint: fingerprint(TOKEN), messagesPerSecond: 80, apiBase: "https://graph.facebook.com/v26.0" });
  });

  it("whatsappConfig() sends with what was saved", async () => {
    await put({ ...valid, apiBase: "https://graph.example.com/v26.0", messagesPerSecond: 5 });
    expect(await whatsappConfig(WS)).toEqual({
      phoneNumberId: "106540352242922", accessToken: TOKEN, appSecret: SECRET, verifyToken: "verify-me-please", apiBase: "https://graph.example.com/v26.0", messagesPerSecond: 5, source: "settings",
    });
    await deleteWhatsappSettings(WS);
    expect(await whatsappConfig(WS)).toBeNull();
    expect(await getWhatsappSettings(WS)).toMatchObject({ channel: "sandbox", source: null, phoneNumberId: null, accessTokenFingerprint: null });
  });
});

describe("refusals: a 4xx in words, nothing written", () => {
  it.each([
    ["a phone number id with letters", { ...valid, phoneNumberId: "12ab5" }, "phoneNumberId", /5 to 30 digits/],
    ["a phone number id too short", { ...valid, phoneNumberId: "1234" }, "phoneNumberId", /5 to 30 digits/],
    ["a short token", { ...valid, accessToken: "short" }, "accessToken", /at least 20/],
    ["a token with spaces", { ...valid, accessToken: "EAAG token with spaces inside" }, "accessToken", /printable/],
    ["a short verify token", { ...valid, verifyToken: "abc" }, "verifyToken", /at least 8/],
    ["a plain-http base to another host", { ...valid, apiBase: "http://graph.facebook.com/v26.0" }, "apiBase", /https/],
    ["a base that is not a URL", { ...valid, apiBase: "graph.facebook.com" }, "apiBase", /must be a URL/],
    ["a base with a query", { ...valid, apiBase: "https://graph.facebook.com/v26.0?x=1" }, "apiBase", /query/],
    ["zero messages per second", { ...valid, messagesPerSecond: 0 }, "messagesPerSecond", /at least 1/],
    ["a fractional pace", { ...valid, messagesPerSecond: 1.5 }, "messagesPerSecond", /whole number/],
    ["an unknown field", { ...valid, token: "x" }, "", /Unrecognized key/],
  ])("%s", async (_what, body, path, message) => {
    const { status, json } = await put(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: "Invalid request body", issues: [expect.objectContaining({ path, message: expect.stringMatching(message) })] });
    expect(await rowOf()).toBeNull();
  });

  it("a first save without a token names the missing field", async () => {
    const { status, json } = await put({ phoneNumberId: "106540352242922" });
    expect(status).toBe(400);
    expect(json).toMatchObject({ issues: [{ path: "accessToken", message: "Access token is required" }] });
    expect(await rowOf()).toBeNull();
  });

  it("malformed JSON is a 400 and an oversized body a 413", async () => {
    expect(await put("{not json")).toMatchObject({ status: 400, json: { error: "Malformed JSON body" } });
    expect((await put({ ...valid, appSecret: "x".repeat(1024 * 1024) })).status).toBe(413);
    expect(await rowOf()).toBeNull();
  });

  it("while the environment configures the channel: the view says so and saving is a 409", async () => {
    Object.assign(process.env, { WHATSAPP_PHONE_NUMBER_ID: "999999999", WHATSAPP_ACCESS_TOKEN: "env-token-0123456789abcdef" });
    expect(await getWhatsappSettings(WS)).toMatchObject({ channel: "whatsapp", source: "environment", phoneNumberId: "999999999", accessTokenFingerprint: fingerprint("env-token-0123456789abcdef") });
    const { status, json } = await put(valid);
    expect(status).toBe(409);
    expect(json).toMatchObject({ error: expect.stringContaining("configured by the environment") });
    expect(await rowOf()).toBeNull();
  });

  it("without SETTINGS_ENCRYPTION_KEY: the view says so and saving is a 409 naming the variable", async () => {
    delete process.env.SETTINGS_ENCRYPTION_KEY;
    expect(await getWhatsappSettings(WS)).toMatchObject({ channel: "sandbox", encryptionKeySet: false });
    const { status, json } = await put(valid);
    expect(status).toBe(409);
    expect(json).toMatchObject({ error: expect.stringMatching(/^Set SETTINGS_ENCRYPTION_KEY .* to store the token/) });
    expect(await rowOf()).toBeNull();
  });

  it("after the key changed: stored secrets are reported unreadable and must be entered again", async () => {
    await put(valid);
    process.env.SETTINGS_ENCRYPTION_KEY = "b2".repeat(32);
    expect(await getWhatsappSettings(WS)).toMatchObject({ source: "settings", secretsReadable: false, accessTokenFingerprint: null });
    const { status, json } = await put({ phoneNumberId: "106540352242922" });
    expect(status).toBe(400);
    expect(json).toMatchObject({ issues: [{ path: "accessToken" }, { path: "appSecret" }] });
    expect((await put({ phoneNumberId: "106540352242922", accessToken: TOKEN, appSecret: "" })).status).toBe(200);
    expect(await getWhatsappSettings(WS)).toMatchObject({ secretsReadable: true, accessTokenFingerprint: fingerprint(TOKEN) });
  });
});

describe("test connection", () => {
  let graph: Server;
  let base: string;
  beforeAll(async () => {
    // Stands in for Meta's GET /{phone-number-id}: the right token reads the number, any other is code 190.
    graph = createServer((request, response) => {
      const ok = request.headers.authorization === `Bearer ${TOKEN}` && request.url === "/v26.0/106540352242922?fields=display_phone_number,verified_name";
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      response.end(JSON.stringify(ok ? { display_phone_number: "+1 555-010-0000", verified_name: "Replyflow Test", id: "106540352242922" } : { error: { message: "Error validating access token: Session has expired", type: "OAuthException", code: 190 } }));
    });
    await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/v26.0`;
  });
  afterAll(() => new Promise<void>((resolve) => graph.close(() => resolve())));

  it("reads the phone number with the stored token", async () => {
    await put({ ...valid, apiBase: base });
    expect(await checkWhatsappConnection(WS)).toEqual({ ok: true, displayPhoneNumber: "+1 555-010-0000", verifiedName: "Replyflow Test" });
  });

  it("gives Meta's refusal in words, with a hint", async () => {
    await put({ ...valid, apiBase: base, accessToken: "EAAG-some-expired-token-000000" });
    const check = await checkWhatsappConnection(WS);
    expect(check).toEqual({ ok: false, error: expect.stringMatching(/Error validating access token: Session has expired \(code 190\); the access token is invalid or has expired/) });
  });

  it("an unreachable server and nothing configured are answers, not errors", async () => {
    expect(await checkWhatsappConnection(WS)).toEqual({ ok: false, error: expect.stringMatching(/^Nothing to test/) });
    await put({ ...valid, apiBase: "http://127.0.0.1:9/v26.0" });
    expect(await checkWhatsappConnection(WS)).toEqual({ ok: false, error: expect.stringMatching(/^Could not reach 127\.0\.0\.1:9/) });
  });
});

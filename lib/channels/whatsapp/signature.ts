import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Meta's X-Hub-Signature-256: `sha256=<hex HMAC-SHA256(app secret, the raw body bytes)>`. */
export function validSignature(rawBody: Buffer, header: string | null, appSecret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares secrets in constant time whatever their lengths (hashing first evens them out). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

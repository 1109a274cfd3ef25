import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Encrypts settings secrets (WhatsApp access tokens, app secrets) at rest with AES-256-GCM and
 * SETTINGS_ENCRYPTION_KEY: 32 bytes as 64 hex digits or base64. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a changed key is detected, never silently misread.
 */
export class SecretKeyMissing extends Error {
  constructor() {
    super("SETTINGS_ENCRYPTION_KEY is not set: secrets cannot be stored or read");
  }
}

export function encryptionKey(raw = process.env.SETTINGS_ENCRYPTION_KEY): Buffer {
  if (!raw) throw new SecretKeyMissing();
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("SETTINGS_ENCRYPTION_KEY must be 32 bytes (64 hex digits or base64)");
  return key;
}

export function encryptSecret(plain: string, key = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string, key = encryptionKey()): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Not an encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A short, stable fingerprint to show which secret is stored without showing it. */
export const fingerprint = (secret: string) => createHash("sha256").update(secret).digest("hex").slice(0, 8);

import { isRecord, type NodeConfig } from "../editor-node";

/**
 * Lenient readers for a draft node's data: a draft may hold anything, and the inspectors and
 * canvas summaries must never crash on it. The node's zod schema says what is wrong.
 */
export const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** An array of objects, each non-object entry read as `{}` so indexes stay aligned with error paths. */
export const recordsOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map((entry: unknown) => (isRecord(entry) ? entry : {})) : [];

export const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];

export const recordOf = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/**
 * A copy of `data` with `key` set to `value`, or without `key` when `value` is undefined: optional
 * parts stay out of the stored JSON instead of being saved as `[]`, `{}` or `""`.
 */
export function withKey(data: NodeConfig, key: string, value: unknown): NodeConfig {
  const next = { ...data };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** `list` without its `index`-th entry. */
export const without = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** `list` with its `index`-th entry replaced. */
export const replaced = <T>(list: readonly T[], index: number, entry: T): T[] =>
  list.map((current, i) => (i === index ? entry : current));

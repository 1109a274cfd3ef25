import { isRecord } from "../flow/is-record.ts";

/** The value at a dot path (`order.id`, `items.0.sku`) of parsed JSON, or undefined when absent. */
export function valueAtPath(json: unknown, path: string): unknown {
  let current = json;
  for (const key of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isRecord(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/** As a contact field stores it: text as is, numbers and booleans in words, objects as JSON; null is absent. */
export function fieldText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.slice(0, 1000);
}

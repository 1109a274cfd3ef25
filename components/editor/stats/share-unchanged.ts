/**
 * Rebuilds `next` reusing every entry of `previous` that is deeply equal to its counterpart.
 * Each poll parses fresh objects; with this, a node whose numbers did not move gets the very
 * object it had, so its badge's selector sees no change and that badge does not re-render.
 */
export function shareUnchanged<T>(previous: Record<string, T> | undefined, next: Record<string, T>): Record<string, T> {
  if (!previous) return next;
  const shared: Record<string, T> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = previous[key];
    shared[key] = old !== undefined && deepEqual(old, value) ? old : value;
  }
  return shared;
}

/** Equality for parsed JSON (plain objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual(Reflect.get(a, key), Reflect.get(b, key)));
}

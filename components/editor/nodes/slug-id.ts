import { fixedHandleIds } from "@/lib/flow/graph";

const MAX_LENGTH = 40;

/**
 * An id made from what a person typed ("Talk to sales" → "talk-to-sales"), usable as a handle id:
 * it starts with a letter, uses letters, digits and `-`, is at most 40 characters, is none of
 * `taken` (a `-2`, `-3` suffix when it would be) and, for handles, none of the built-in outputs.
 * Empty for empty text.
 */
export function slugId(text: string, taken: readonly string[] = [], { handle = true }: { handle?: boolean } = {}): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base === "") return "";
  const start = /^[a-z]/.test(base) ? base : `id-${base}`;
  const trimmed = start.slice(0, MAX_LENGTH).replace(/-+$/, "");
  const unavailable = new Set<string>([...(handle ? fixedHandleIds : []), ...taken]);
  if (!unavailable.has(trimmed)) return trimmed;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${trimmed.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!unavailable.has(candidate)) return candidate;
  }
}

/**
 * The id a row gets when its label changes: the slug of the new label while the id still is the
 * slug of the old one (the person has not chosen an id of their own), else the id unchanged.
 */
export function followingId(
  id: string,
  oldLabel: string,
  newLabel: string,
  taken: readonly string[],
  options?: { handle?: boolean },
): string {
  return id === slugId(oldLabel, taken, options) ? slugId(newLabel, taken, options) : id;
}

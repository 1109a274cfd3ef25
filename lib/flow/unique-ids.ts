import type { z } from "zod";

/** A superRefine for lists of `{id}`: a repeated id is an issue at that entry's `id`, e.g. "Route id "x" is used twice". */
export const uniqueIds =
  (what: string, at: (index: number) => (string | number)[] = (index) => [index, "id"]) =>
  (items: { id: string }[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: at(index), message: `${what} id "${item.id}" is used twice` });
      seen.add(item.id);
    });
  };

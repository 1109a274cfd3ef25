import { z } from "zod";

/** An ISO 8601 instant as the API writes it (`toISOString()`, UTC); a plain format, not zod's long pattern. */
export const timestamp = z.string().meta({ id: "Timestamp", format: "date-time", examples: ["2026-12-03T09:30:00.000Z"] });

/** The opaque cursor of the next page, or null on the last one. */
export const nextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" });

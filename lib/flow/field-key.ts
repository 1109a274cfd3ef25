import { z } from "zod";

/** DESIGN.md: field keys are free-form but shaped like identifiers. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
export const fieldKeySchema = z.string().trim().regex(FIELD_KEY_PATTERN, "Field keys are lowercase letters, digits and _, starting with a letter (at most 50)");

/** Trimmed, then 1-50 characters; stored as given, compared ignoring case. */
export const tagSchema = z.string().trim().min(1, "Tags are 1-50 characters").max(50, "Tags are 1-50 characters");

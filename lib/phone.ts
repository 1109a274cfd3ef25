import { z } from "zod";

/** E.164: a plus, then 8 to 15 digits, the first not zero. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, "Phone must be in E.164 format, e.g. +393331234567");

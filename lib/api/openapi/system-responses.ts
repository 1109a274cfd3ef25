import { z } from "zod";

export const healthSchema = z.object({ ok: z.literal(true) }).meta({ id: "Health" });

export const unhealthySchema = z.object({ ok: z.literal(false), error: z.string() }).meta({ id: "Unhealthy" });

/** This document: described loosely, since OpenAPI's own schema is not ours to restate. */
export const openApiObjectSchema = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) })
  .catchall(z.unknown())
  .meta({ id: "OpenApiDocument" });

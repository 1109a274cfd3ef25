import type { z } from "zod";
import type { Issue } from "../errors.ts";

export const zodIssues = (error: z.ZodError): Issue[] =>
  error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));

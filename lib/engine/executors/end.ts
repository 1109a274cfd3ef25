import type { Executor } from "../decision.ts";

export const executeEnd: Executor = () => ({ kind: "end" });

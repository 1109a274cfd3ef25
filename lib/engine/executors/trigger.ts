import type { Executor } from "../decision.ts";

export const executeTrigger: Executor = () => ({ kind: "next", handle: "default" });

import { notFound } from "next/navigation";
import { withPageAccess } from "../auth/page-access.ts";
import { AppError } from "../errors.ts";
import { getAutomation } from "./automations.ts";

/** A page's automation in the signed-in workspace; Next's 404 page when there is none. */
export async function pageAutomation(id: string) {
  try {
    return await withPageAccess(() => getAutomation(id));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

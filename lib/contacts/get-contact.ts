import { db } from "../db.ts";
import { notFound } from "../errors.ts";
import { parseContactKey } from "./contact-key.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { toContact } from "./contact-schemas.ts";

/** A contact with its active runs (running or waiting), oldest first. */
export async function getContact(key: string) {
  const row = await db().contact.findFirst({
    where: { workspaceId: currentWorkspaceId(), ...parseContactKey(key) },
    select: {
      id: true,
      phone: true,
      waUserId: true,
      name: true,
      fields: true,
      tags: true,
      createdAt: true,
      runs: {
        where: { status: { in: ["running", "waiting"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, automationId: true, status: true, currentNodeId: true },
      },
    },
  });
  if (!row) throw notFound("Contact");
  return { ...toContact(row), runs: row.runs };
}

import { queryParams } from "@/lib/api/query-params";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { listContactsQuery, upsertContactBody } from "@/lib/contacts/contact-schemas";
import { listContacts } from "@/lib/contacts/list-contacts";
import { upsertContact } from "@/lib/contacts/upsert-contact";

export const GET = route("read", async (request) => Response.json(await listContacts(listContactsQuery.parse(queryParams(request)))));

export const POST = route("contacts:write", async (request) => {
  const { contact, created } = await upsertContact(await readJson(request, upsertContactBody));
  return Response.json(contact, { status: created ? 201 : 200 });
});

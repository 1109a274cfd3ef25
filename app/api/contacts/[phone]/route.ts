import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { patchContactBody } from "@/lib/contacts/contact-schemas";
import { deleteContact } from "@/lib/contacts/delete-contact";
import { getContact } from "@/lib/contacts/get-contact";
import { patchContact } from "@/lib/contacts/patch-contact";

// Next.js has already decoded the route parameter (`%2B39...` is `+39...` here): never decode twice.

export const GET = route<{ phone: string }>("read", async (_request, { params }) => Response.json(await getContact((await params).phone)));

export const PATCH = route<{ phone: string }>("contacts:write", async (request, { params }) => {
  const { phone } = await params;
  return Response.json(await patchContact(phone, await readJson(request, patchContactBody)));
});

export const DELETE = route<{ phone: string }>("contacts:write", async (_request, { params }) => {
  await deleteContact((await params).phone);
  return new Response(null, { status: 204 });
});

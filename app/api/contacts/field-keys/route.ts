import { route } from "@/lib/api/route";
import { listFieldKeys } from "@/lib/contacts/field-keys";

/** `{"keys": [...]}`: the contact field keys in use, for the editor's dynamic-field menu. */
export const GET = route("read", async () => Response.json({ keys: await listFieldKeys() }));

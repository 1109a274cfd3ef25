import { z } from "zod";
import { ApiError } from "@/components/runs/fetch-json";
import { contactSchema, contactApiUrl, type Contact, type ContactPatch } from "./contact-schemas";

const errorBody = z.object({ error: z.string(), issues: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional() });

/** A refused request with the server's issues, so a form can show them next to its fields. */
export class ContactApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly issues: string[],
  ) {
    super(message, status);
  }
}

/** PATCHes the contact and returns the server's version of it. */
export async function patchContact(phone: string, patch: ContactPatch): Promise<Contact> {
  const response = await fetch(contactApiUrl(phone), {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success) throw new ContactApiError(`Request failed (${response.status})`, response.status, []);
    throw new ContactApiError(parsed.data.error, response.status, (parsed.data.issues ?? []).map((issue) => issue.message));
  }
  return contactSchema.parse(body);
}

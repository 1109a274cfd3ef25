import { z } from "zod";
import { listContactsQuery, patchContactBody, upsertContactBody } from "../../contacts/contact-schemas.ts";
import { contactMessagesQuery } from "../../runs/contact-messages.ts";
import { contactKeyErrors, jsonBodyErrors, queryErrors } from "./common-errors.ts";
import { contactListSchema, contactSchema, contactWithRunsSchema, fieldKeysSchema } from "./contact-responses.ts";
import { messageListSchema } from "./message-responses.ts";
import { phoneParam } from "./path-params.ts";
import type { RouteEntry } from "./route-entry.ts";

export const contactRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/contacts",
    tag: "Contacts",
    summary: "List contacts",
    description: "Newest first, a page at a time. `search` matches part of the phone or name, ignoring case; `tag` one tag, ignoring case.",
    permission: "read",
    params: { query: listContactsQuery },
    responses: { 200: { description: "A page of contacts", schema: contactListSchema } },
    errors: queryErrors,
  },
  {
    method: "post",
    path: "/api/contacts",
    tag: "Contacts",
    summary: "Create or update a contact",
    description: "By phone: a new contact is created (201); an existing one gets the fields merged and the tags added (200).",
    permission: "contacts:write",
    body: { schema: upsertContactBody.meta({ id: "UpsertContactInput" }) },
    responses: {
      201: { description: "Created", schema: contactSchema },
      200: { description: "Existing contact updated", schema: contactSchema },
    },
    errors: jsonBodyErrors,
  },
  {
    method: "get",
    path: "/api/contacts/field-keys",
    tag: "Contacts",
    summary: "List field keys in use",
    description: "The keys some contact has, for the editor's dynamic-field menu.",
    permission: "read",
    responses: { 200: { description: "The keys", schema: fieldKeysSchema } },
  },
  {
    method: "get",
    path: "/api/contacts/{phone}",
    tag: "Contacts",
    summary: "Get a contact",
    description: "The contact and its active runs (running or waiting).",
    permission: "read",
    params: { path: phoneParam },
    responses: { 200: { description: "The contact", schema: contactWithRunsSchema } },
    errors: contactKeyErrors,
  },
  {
    method: "patch",
    path: "/api/contacts/{phone}",
    tag: "Contacts",
    summary: "Edit a contact",
    description: "A field set to `null` is removed; `addTags` and `removeTags` compare ignoring case.",
    permission: "contacts:write",
    params: { path: phoneParam },
    body: { schema: patchContactBody.meta({ id: "PatchContactInput" }) },
    responses: { 200: { description: "The contact as saved", schema: contactSchema } },
    errors: { ...jsonBodyErrors, 404: contactKeyErrors[404] },
  },
  {
    method: "delete",
    path: "/api/contacts/{phone}",
    tag: "Contacts",
    summary: "Delete a contact",
    description: "Cancels the contact's active runs, then erases the contact, its messages and its runs.",
    permission: "contacts:write",
    params: { path: phoneParam },
    responses: { 204: { description: "Deleted" } },
    errors: { ...contactKeyErrors, 409: "The contact kept starting runs while being deleted: try again" },
  },
  {
    method: "post",
    path: "/api/contacts/{phone}/exit-automations",
    tag: "Contacts",
    summary: "Take the contact out of every automation",
    description: "Cancels all the contact's running and waiting runs, each with a history row naming the operator.",
    permission: "runs:write",
    params: { path: phoneParam },
    responses: { 200: { description: "How many runs were cancelled", schema: z.object({ cancelled: z.number().int() }) } },
    errors: { 404: contactKeyErrors[404], 409: "A run of the contact moved meanwhile; try again" },
  },
  {
    method: "get",
    path: "/api/contacts/{phone}/messages",
    tag: "Messages",
    summary: "List a contact's messages",
    description: "The conversation, oldest first, a page at a time; outbound messages carry their delivery status.",
    permission: "read",
    params: { path: phoneParam, query: contactMessagesQuery },
    responses: { 200: { description: "A page of messages", schema: messageListSchema } },
    errors: { ...contactKeyErrors, 400: `${queryErrors[400]}; or ${contactKeyErrors[400]}` },
  },
];

import { MAX_BODY_BYTES } from "../read-json.ts";
import type { ErrorStatus } from "./route-entry.ts";

type ErrorDescriptions = Partial<Record<ErrorStatus, string>>;

export const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/** What any route that reads a JSON body with readJson (lib/api/read-json.ts) can answer. */
export const jsonBodyErrors = {
  400: "The body is malformed JSON or fails validation: `issues` names each field at fault",
  413: `The body is larger than ${mebibytes(MAX_BODY_BYTES)}`,
  415: "The body is not sent with `Content-Type: application/json`",
} satisfies ErrorDescriptions;

/** What a route that parses its query string can answer. */
export const queryErrors = {
  400: "A query parameter is invalid (a malformed cursor, a limit out of range, an unknown status...): `issues` names it",
} satisfies ErrorDescriptions;

/** A contact path segment that is neither an E.164 phone nor `user:<id>`. */
export const contactKeyErrors = {
  400: "The path does not name a contact: an E.164 phone (`+393331234567`, URL-encoded) or `user:<WhatsApp user id>`",
  404: "No contact with this phone in the workspace",
} satisfies ErrorDescriptions;

import { FIELD_PREFIX } from "@/lib/flow/template";

/** A subject as the canvas says it, like `describeRule` does: "last reply", "name", "city". */
export function subjectWords(subject: string): string {
  if (subject === "contact.name") return "name";
  if (subject === "contact.phone") return "phone";
  if (subject === "contact.tags") return "tags";
  if (subject === "lastReply") return "last reply";
  return subject.startsWith(FIELD_PREFIX) ? subject.slice(FIELD_PREFIX.length) : subject;
}

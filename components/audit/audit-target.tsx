import Link from "next/link";
import type { AuditEvent } from "./audit-schemas";
import { TARGET_WORDS } from "./audit-words";

type Props = { event: AuditEvent; memberEmails: Map<string, string> };

/** What the action was done to: a link for automations and runs, a member's email when known. */
export function AuditTarget({ event, memberEmails }: Props) {
  const { targetType: type, targetId: id } = event;
  if (!type) return <span className="text-slate-400">—</span>;
  const kind = TARGET_WORDS[type] ?? type;
  if (!id) return <>{kind}</>;
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  if (type === "automation" || type === "run") {
    return (
      <Link href={`/${type === "run" ? "runs" : "automations"}/${encodeURIComponent(id)}`} className="text-brand-700 hover:underline" title={id}>
        {kind} {short}
      </Link>
    );
  }
  if (type === "contact" && /^\+?\d{6,20}$/.test(id)) {
    return (
      <Link href={`/contacts/${encodeURIComponent(id)}`} className="text-brand-700 hover:underline" title={id}>
        {kind} {id}
      </Link>
    );
  }
  if (type === "user") return <span title={id}>{kind} {memberEmails.get(id) ?? short}</span>;
  if (type === "workspace") return <>{kind}</>;
  return (
    <span title={id}>
      {kind} {short}
    </span>
  );
}

import { enforcesSessionWindow } from "../channels/session-window.ts";
import { SESSION_WINDOW_SECONDS } from "../flow/session-window.ts";

type Querier = <T extends object>(strings: TemplateStringsArray, ...values: unknown[]) => Promise<T[]>;

/** Whether free text may go to the contact now on `channel`, and until when (WhatsApp's 24-hour rule). */
export type SessionState = { channel: string; enforced: boolean; open: boolean; closesAt: string | null };

/**
 * Read from the contact's latest inbound message on the sending channel, against the database
 * clock, as the engine does (lib/engine/contact-state.ts). Called under the contact's row lock by
 * a reply, so a message arriving meanwhile is either seen or comes after.
 */
export async function sessionState(sql: Querier, contactId: string, channel: string): Promise<SessionState> {
  const [row] = await sql<{ closesAt: Date | null; open: boolean }>`
    SELECT last.at + make_interval(secs => ${SESSION_WINDOW_SECONDS}) AS "closesAt",
      COALESCE(last.at > clock_timestamp() - make_interval(secs => ${SESSION_WINDOW_SECONDS}), false) AS open
    FROM (SELECT max(m.at) AS at FROM "Message" m WHERE m."contactId" = ${contactId} AND m.direction = 'inbound' AND m.channel = ${channel}) last`;
  const enforced = enforcesSessionWindow(channel);
  return { channel, enforced, open: !enforced || (row?.open ?? false), closesAt: enforced ? (row?.closesAt?.toISOString() ?? null) : null };
}

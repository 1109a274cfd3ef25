/** Time formatting for the run views. All inputs are epoch milliseconds or ISO strings. */

const pad = (n: number) => String(n).padStart(2, "0");

/** "4:32", "1:02:03", "2d 3:04:05" for a positive duration; rounds up so 0:00 means "now". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}:${pad(minutes)}:${pad(seconds)}`;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${minutes}:${pad(seconds)}`;
}

/** "just now", "12s ago", "4m ago", "3h ago", "2d ago", then a date. */
export function formatRelative(iso: string, now: number): string {
  const then = Date.parse(iso);
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days}d ago`;
  return formatDate(iso);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "Mar 4" */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** "14:03:22" in the viewer's time zone. */
export const formatClock = (iso: string) => timeFormat.format(new Date(iso));

/** "Mar 4, 2026, 14:03:22": the exact moment, for titles and the timeout line. */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** A chat-style stamp: the time today, otherwise date and time. */
export function formatMessageTime(iso: string, now: number): string {
  const sameDay = new Date(iso).toDateString() === new Date(now).toDateString();
  return sameDay ? formatClock(iso) : `${formatDate(iso)}, ${formatClock(iso)}`;
}

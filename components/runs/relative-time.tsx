import { formatDateTime, formatRelative } from "./format-time";

/** "4m ago", with the exact moment on hover and in the datetime attribute. */
export function RelativeTime({ iso, now }: { iso: string; now: number | null }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className="whitespace-nowrap tabular-nums">
      {now === null ? formatDateTime(iso) : formatRelative(iso, now)}
    </time>
  );
}

import type { AutomationReport } from "./report-schema.ts";

type Cell = string | number | null;

/** Starts that a spreadsheet would read as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: always quoted (inner quotes doubled), and a text a spreadsheet would run as a
 * formula (`=HYPERLINK(...)` in an automation or node name) prefixed with `'` so it stays text.
 */
export function csvCell(value: Cell): string {
  const text = value === null ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const csvRow = (cells: Cell[]) => cells.map(csvCell).join(",");

/** RFC 4180 lines (CRLF), sections separated by an empty line, each led by its title. */
export function reportCsv(report: AutomationReport): string {
  const name = (position: number) => {
    const step = report.funnel.find((s) => s.position === position);
    return step ? `${step.label}${step.summary ? `: ${step.summary}` : ""}` : "";
  };
  const sections: Cell[][][] = [
    [
      ["Report"],
      ["Automation", report.automation.name],
      ["Version", report.version],
      ["From", report.period.from],
      ["To", report.period.to],
      ["Time zone", report.period.timeZone],
    ],
    [
      ["Funnel (since the version was published)"],
      ["Position", "Node", "Step", "Entered", "Exit", "Left"],
      ...report.funnel.flatMap((s) => (s.exits.length === 0 ? [[s.position, s.nodeId, name(s.position), s.entered, null, null]] : s.exits.map((e) => [s.position, s.nodeId, name(s.position), s.entered, e.label, e.count]))),
    ],
    [
      ["Replies (since the version was published)"],
      ["Position", "Node", "Step", "Replied", "No response", "Not delivered", "Reply rate", "p50 seconds", "p90 seconds"],
      ...report.replies.map((r) => [r.position, r.nodeId, name(r.position), r.replied, r.noResponse, r.deliveryFailed, ratio(r.replyRate), round(r.p50Seconds), round(r.p90Seconds)]),
    ],
    [
      ["Time to reply"],
      ["Position", "Node", "Bucket", "Upper bound seconds", "Replies"],
      ...report.replies.flatMap((r) => r.histogram.map((b) => [r.position, r.nodeId, b.label, b.upperBoundSeconds, b.count])),
    ],
    [
      ["By day (UTC)"],
      ["Day", "Started", "Completed", "Failed", "Cancelled", "Replied", "No response"],
      ...report.byDay.map((d) => [d.day, d.started, d.completed, d.failed, d.cancelled, d.replied, d.noResponse]),
    ],
  ];
  return `${sections.map((rows) => rows.map(csvRow).join("\r\n")).join("\r\n\r\n")}\r\n`;
}

/** `report-welcome-flow-v2-2026-01-01-to-2026-01-30.csv`: ASCII only, safe in any header. */
export function reportFilename(report: AutomationReport): string {
  const slug = report.automation.name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60) || "automation";
  return `report-${slug}-v${report.version ?? 0}-${report.period.from}-to-${report.period.to}.csv`;
}

const ratio = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

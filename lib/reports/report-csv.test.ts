import { describe, expect, it } from "vitest";
import { csvCell, csvRow, reportCsv, reportFilename } from "./report-csv.ts";
import type { AutomationReport } from "./report-schema.ts";

describe("csvCell", () => {
  it("quotes every cell and doubles inner quotes", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(null)).toBe('""');
  });

  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("guards %j against formula injection with a leading '", (text) => {
    const cell = csvCell(text);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell.slice(2, -1).replaceAll('""', '"')).toBe(text);
  });

  it("leaves cells that only contain those characters later alone", () => {
    expect(csvCell("a=b")).toBe('"a=b"');
    expect(csvCell("Reply YES - now")).toBe('"Reply YES - now"');
    expect(csvRow(["a", 1, null])).toBe('"a","1",""');
  });
});

const report: AutomationReport = {
  automation: { id: "a1", name: "=cmd|' /C calc'!A0" },
  version: 2,
  versions: [2, 1],
  publishedAt: "2026-01-01T00:00:00.000Z",
  period: { from: "2026-01-01", to: "2026-01-02", timeZone: "UTC" },
  today: "2026-01-02",
  funnel: [
    { position: 1, nodeId: "start", type: "trigger", label: "Trigger", summary: null, entered: 3, exits: [{ handle: "default", label: "Start", count: 3, targetNodeId: "wait" }] },
    {
      position: 2,
      nodeId: "wait",
      type: "customerResponse",
      label: "Customer Response",
      summary: "waits 1 hour",
      entered: 3,
      exits: [
        { handle: "replied", label: "Replied", count: 2, targetNodeId: null },
        { handle: "noResponse", label: "No response", count: 1, targetNodeId: null },
      ],
    },
    { position: 3, nodeId: "done", type: "end", label: "End", summary: null, entered: 0, exits: [] },
  ],
  replies: [
    {
      nodeId: "wait",
      position: 2,
      summary: "waits 1 hour",
      replied: 2,
      noResponse: 1,
      deliveryFailed: 0,
      replyRate: 2 / 3,
      p50Seconds: 45,
      p90Seconds: 57,
      histogram: [{ label: "≤ 1 min", upperBoundSeconds: 60, count: 2 }],
    },
  ],
  byDay: [
    { day: "2026-01-01", started: 3, completed: 1, failed: 0, cancelled: 0, replied: 2, noResponse: 0 },
    { day: "2026-01-02", started: 0, completed: 2, failed: 0, cancelled: 0, replied: 0, noResponse: 1 },
  ],
};

describe("reportCsv", () => {
  it("writes one titled section per table, CRLF lines, the name guarded", () => {
    const csv = reportCsv(report);
    const sections = csv.trimEnd().split("\r\n\r\n");
    expect(sections.map((s) => s.split("\r\n")[0])).toEqual(['"Report"', '"Funnel (since the version was published)"', '"Replies (since the version was published)"', '"Time to reply"', '"By day (UTC)"']);
    expect(sections[0]!.split("\r\n")[1]).toBe(`"Automation","'=cmd|' /C calc'!A0"`);
    expect(sections[1]!.split("\r\n").slice(2)).toEqual([
      '"1","start","Trigger","3","Start","3"',
      '"2","wait","Customer Response: waits 1 hour","3","Replied","2"',
      '"2","wait","Customer Response: waits 1 hour","3","No response","1"',
      '"3","done","End","0","",""',
    ]);
    expect(sections[2]!.split("\r\n")[2]).toBe('"2","wait","Customer Response: waits 1 hour","2","1","0","0.6667","45","57"');
    expect(sections[3]!.split("\r\n")[2]).toBe('"2","wait","≤ 1 min","60","2"');
    expect(sections[4]!.split("\r\n").slice(2)).toEqual(['"2026-01-01","3","1","0","0","2","0"', '"2026-01-02","0","2","0","0","0","1"']);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("names the file after the automation, version and period, in ASCII", () => {
    expect(reportFilename(report)).toBe("report-cmd-c-calc-a0-v2-2026-01-01-to-2026-01-02.csv");
    expect(reportFilename({ ...report, automation: { id: "a", name: "Benvenuto è qui ✨" } })).toBe("report-benvenuto-e-qui-v2-2026-01-01-to-2026-01-02.csv");
    expect(reportFilename({ ...report, automation: { id: "a", name: "✨" } })).toMatch(/^report-automation-v2-/);
  });
});

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log.ts";

/** A logger writing into an array, one parsed JSON object per line. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("log", () => {
  it("writes JSON with the service, the level and the bound ids", () => {
    const { logger, lines } = capture();
    logger.child({ runId: "run-1", jobId: "job-1" }).info({ attempt: 2 }, "hello");
    expect(lines[0]).toMatchObject({ level: 30, service: "replyflow", runId: "run-1", jobId: "job-1", attempt: 2, msg: "hello" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("redacts secrets at the top level, one level down and in headers", () => {
    const { logger, lines } = capture();
    logger.warn({
      accessToken: "EAAG-secret",
      token: "t",
      password: "p",
      authorization: "Bearer a",
      settings: { appSecret: "s", accessToken: "EAAG-nested", phoneNumberId: "123" },
      headers: { authorization: "Bearer h", "content-type": "application/json" },
      request: { headers: { authorization: "Bearer r" } },
    }, "secrets");
    const text = JSON.stringify(lines[0]);
    for (const secret of ["EAAG", "Bearer", '"t"', '"p"', '"s"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      accessToken: "[redacted]",
      settings: { appSecret: "[redacted]", accessToken: "[redacted]", phoneNumberId: "123" },
      headers: { authorization: "[redacted]", "content-type": "application/json" },
      request: { headers: { authorization: "[redacted]" } },
    });
  });
});

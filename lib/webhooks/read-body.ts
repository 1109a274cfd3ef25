import type { IncomingMessage } from "node:http";

export type BodyRead = { body: string; truncated: boolean };

/**
 * Reads at most maxBytes of the response, then destroys it so the socket is closed; the rest is
 * never downloaded. An abort of `signal` (the overall deadline) destroys the stream mid-read.
 */
export async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<BodyRead> {
  const onAbort = () => response.destroy(new Error("Deadline reached while reading the body"));
  if (signal.aborted) onAbort();
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of response) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      if (size + bytes.length > maxBytes) {
        chunks.push(bytes.subarray(0, maxBytes - size));
        truncated = true;
        break;
      }
      chunks.push(bytes);
      size += bytes.length;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    response.destroy();
  }
  // stream: true holds back a UTF-8 sequence cut in half by the limit instead of emitting U+FFFD.
  const body = new TextDecoder().decode(Buffer.concat(chunks), { stream: truncated });
  return { body, truncated };
}

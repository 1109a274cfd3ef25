import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { eventsQuery } from "@/lib/live/events-query";
import { liveListener, type LiveMessage } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

const PING_MS = 20_000;

/**
 * `GET /api/events`: the workspace's change notices as server-sent events (`event: change`, data
 * `{topic, automationIds?, ids?, more?}`; `event: resync` when notices may have been missed).
 * Notices carry ids only: the page re-reads what it shows through the ordinary, authorised API.
 */
export const GET = route("read", async (request, { access }) => {
  const { workspaceId } = access;
  const { seconds } = eventsQuery.parse(queryParams(request));
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const onMessage = (message: LiveMessage) => {
        if (message.kind === "resync") return send("event: resync\ndata: {}\n\n");
        const { workspaceId: of, ...event } = message.event;
        if (of === workspaceId) send(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = liveListener().subscribe(onMessage);
      const ping = setInterval(() => send(": ping\n\n"), PING_MS);
      const end = setTimeout(() => {
        cleanup();
        controller.close();
      }, seconds * 1000);
      cleanup = () => {
        unsubscribe();
        clearInterval(ping);
        clearTimeout(end);
        cleanup = () => {};
      };
      request.signal.addEventListener("abort", () => cleanup());
      // `retry` sets the browser's reconnect delay; the comment opens the stream at once.
      send("retry: 2000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (which would buffer the stream) off it.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});

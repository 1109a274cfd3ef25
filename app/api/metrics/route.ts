import { route } from "@/lib/api/route";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (docs/observability.md). */
export const GET = route(async () => new Response(await renderMetrics(), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } }));

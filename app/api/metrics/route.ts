import { route } from "@/lib/api/route";
import { startMetricsFlush } from "@/lib/metrics/flush";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Prometheus scrape endpoint (docs/observability.md). */
export const GET = route("metrics:read", async () => {
  // The web process counts too (webhook answers, inline replies): it flushes like a worker. Started
  // on the first request rather than at import, which `next build` also does.
  startMetricsFlush();
  return new Response(await renderMetrics(), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
});

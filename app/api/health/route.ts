import { publicRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { boss } from "@/lib/queue";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    await (await boss()).getQueues();
    return Response.json({ ok: true });
  } catch (error) {
    console.error("[health]", error);
    return Response.json({ ok: false, error: "Database or queue unavailable" }, { status: 503 });
  }
});

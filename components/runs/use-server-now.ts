"use client";

import { useEffect, useState } from "react";

/**
 * The database's "now" (ms), ticking once a second on the second. `skewMs` is serverTime minus
 * the client clock when that serverTime arrived, so a browser with a wrong clock still counts
 * down correctly. Null until mounted, so server and client render the same first frame.
 */
export function useServerNow(skewMs: number, tickMs = 1000): number | null {
  const [clientNow, setClientNow] = useState<number | null>(null);
  // Each poll measures the skew again with a little network jitter; only a real change counts,
  // otherwise countdowns would stutter back and forth by a second.
  const [stableSkew, setStableSkew] = useState(skewMs);
  if (Math.abs(skewMs - stableSkew) > 750) setStableSkew(skewMs);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = Date.now();
      setClientNow(now);
      // Land just after the next whole second of server time, so countdowns change crisply.
      timer = setTimeout(tick, tickMs - ((now + stableSkew) % tickMs) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [stableSkew, tickMs]);

  return clientNow === null ? null : clientNow + stableSkew;
}

/** serverTime minus the client clock at receipt; 0 when the answer carried no serverTime. */
export function clockSkew(serverTime: string | undefined, receivedAt: number): number {
  if (!serverTime) return 0;
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

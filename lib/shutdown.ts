/**
 * Aborted when a worker is told to stop and its grace period is nearly over: requests still in
 * flight (sends to Meta) give up, record a retry and hand their message back, so a stopping
 * worker never holds work past its bound.
 */
const globalForShutdown = globalThis as unknown as { replyflowShutdown?: AbortController };

export function shutdownSignal(): AbortSignal {
  globalForShutdown.replyflowShutdown ??= new AbortController();
  return globalForShutdown.replyflowShutdown.signal;
}

export function abortInFlight(): void {
  globalForShutdown.replyflowShutdown ??= new AbortController();
  globalForShutdown.replyflowShutdown.abort(new Error("The worker is stopping"));
}

/** Prometheus label values escape backslashes, double quotes and newlines. */
export const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/** Labels in one canonical text, sorted by name: `le="0.5",type="delay"` (the shared rows' key). */
export function labelKey(labels: Record<string, string | number> = {}): string {
  return Object.keys(labels).sort().map((k) => `${k}="${escapeLabel(String(labels[k]))}"`).join(",");
}

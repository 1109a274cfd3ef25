/** Prometheus label values escape backslashes, double quotes and newlines. */
export const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/**
 * Labels in one canonical text, sorted by name: `le="0.5",type="delay"`. It is the shared rows'
 * key, so every process must write the same labels the same way.
 */
export function labelKey(labels: Partial<Record<string, string | number>> = {}): string {
  return Object.keys(labels).sort().flatMap((k) => (labels[k] === undefined ? [] : [`${k}="${escapeLabel(String(labels[k]))}"`])).join(",");
}

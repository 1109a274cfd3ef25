/** What a number typed as text stores: null while empty, else the number (NaN stays out of JSON as null). */
export function numberFromText(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The text an inspector starts from for a stored number. */
export const textFromNumber = (value: unknown): string => (typeof value === "number" && Number.isFinite(value) ? String(value) : "");

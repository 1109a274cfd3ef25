/** The browser's own IANA zone, the default for a new "Wait until". */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

let zones: string[] | undefined;

/** Every IANA zone this browser knows, for suggestions (computed once). */
export function timeZoneNames(): string[] {
  if (!zones) {
    let known: string[] = [];
    try {
      known = Intl.supportedValuesOf("timeZone");
    } catch {
      // Older engines: the field stays free text.
    }
    zones = known.includes("UTC") ? known : ["UTC", ...known];
  }
  return zones;
}

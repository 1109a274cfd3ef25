/** A request's query string as an object; empty values (`?status=`) mean "any", as HTML forms send them. */
export function queryParams(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...params].filter(([, value]) => value !== ""));
}

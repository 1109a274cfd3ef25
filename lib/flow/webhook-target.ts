/**
 * "POST api.shop.com/orders": how the canvas and the run history name a webhook call. Works on a
 * URL with dynamic fields too (no parsing): the scheme, query, fragment and trailing slashes go.
 */
export function describeTarget(method: string, url: string): string {
  return `${method} ${hostAndPath(url)}`;
}

export function hostAndPath(url: string): string {
  let rest = url.trim();
  const scheme = rest.indexOf("://");
  if (scheme !== -1 && /^https?$/i.test(rest.slice(0, scheme))) rest = rest.slice(scheme + 3);
  for (const mark of ["?", "#"]) {
    const at = rest.indexOf(mark);
    if (at !== -1) rest = rest.slice(0, at);
  }
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "/") end--;
  return rest.slice(0, end);
}

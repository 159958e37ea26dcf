// Where a browser may be sent after signing in or out: only a path on this site (no open
// redirects). The value is read as a browser would read it (tabs and newlines dropped, "\" taken
// as "/", dot segments resolved), so "/\t/evil.example" is seen for the "//evil.example" it is.

/** Stands for this site when the caller does not know its own origin. */
const THIS_SITE = "http://this-site.invalid";

/**
 * The path (with query and fragment) that `value` points to on `origin`, or null when it points
 * anywhere else (another host, another scheme such as `javascript:`, or an absolute URL when
 * the origin is not given).
 */
export function sameOriginPath(value: string | null | undefined, origin: string = THIS_SITE): string | null {
  if (!value) return null;
  // A value with a scheme ("https:", "javascript:", even "http:evil.example") is absolute, whatever
  // the scheme of the page that follows it; it may only name this site, and only when the caller
  // says which site that is.
  const hasScheme = /^[\u0000-\u0020]*[a-z][a-z0-9+.-]*:/i.test(value.replace(/[\t\n\r]/g, ""));
  if (hasScheme && origin === THIS_SITE) return null;
  let site: URL;
  let target: URL;
  try {
    site = new URL(origin);
    target = hasScheme ? new URL(value) : new URL(value, site);
  } catch {
    return null;
  }
  if (target.origin !== site.origin) return null;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that starts with two slashes is another host to whoever resolves it next.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}

/** Where the sign-in page sends the browser once signed in: a path on this site, never sign-in itself. */
export function safeCallbackPath(value: string | undefined): string {
  const path = sameOriginPath(value);
  if (!path || /^\/sign-in(?:[/?#]|$)/.test(path)) return "/";
  return path;
}

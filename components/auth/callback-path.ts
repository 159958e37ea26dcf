/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackPath(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in")) return "/";
  return value;
}

// The app over HTTP as a browser uses it: tRPC GET queries with a JSON input, POST
// mutations with a same-origin Origin header, and next-auth credentials sign-in with cookies.

export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      if (index <= 0) continue;
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** What went wrong with a call, as one word: a tRPC code, an HTTP status or a network failure. */
export class CallError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    /** The HTTP status (0 without an answer) and the error's data, as the server sent them. */
    readonly status = 0,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type TrpcEnvelope = {
  result?: { data: unknown };
  error?: { message: string; data?: { code?: string; httpStatus?: number } & Record<string, unknown> };
};

async function readEnvelope(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: TrpcEnvelope;
  try {
    body = JSON.parse(text) as TrpcEnvelope;
  } catch {
    throw new CallError(`HTTP_${response.status}`, text.slice(0, 200), response.status);
  }
  if (body.error) throw new CallError(body.error.data?.code ?? `HTTP_${response.status}`, body.error.message, response.status, body.error.data ?? {});
  if (!body.result) throw new CallError(`HTTP_${response.status}`, text.slice(0, 200), response.status);
  return body.result.data;
}

export function queryUrl(baseUrl: string, path: string, input: unknown): string {
  if (input === undefined) return `${baseUrl}/api/trpc/${path}`;
  return `${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

export class AppClient {
  /** A jar of another client makes this one the same browser talking to another address. */
  constructor(
    readonly baseUrl: string,
    readonly jar = new CookieJar(),
  ) {}

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      const response = await fetch(url, { ...init, headers: { ...init.headers, cookie: this.jar.header() }, redirect: "manual" });
      this.jar.store(response);
      return response;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new CallError(cause?.code ?? "NETWORK", String(error));
    }
  }

  async query<T = unknown>(path: string, input: unknown): Promise<T> {
    return (await readEnvelope(await this.send(queryUrl(this.baseUrl, path, input), { method: "GET" }))) as T;
  }

  async mutate<T = unknown>(path: string, input: unknown): Promise<T> {
    const response = await this.send(`${this.baseUrl}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.baseUrl },
      body: JSON.stringify(input),
    });
    return (await readEnvelope(response)) as T;
  }

  async text(path: string): Promise<{ status: number; body: string }> {
    const response = await this.send(`${this.baseUrl}${path}`, { method: "GET" });
    return { status: response.status, body: await response.text() };
  }

  /**
   * next-auth 4 credentials sign-in: CSRF token, then the callback, keeping the cookies. Answers
   * whether a session cookie came back, and next-auth's error code (the `error` of the URL it
   * sends the browser to) when not.
   */
  async attemptSignIn(email: string, password: string): Promise<{ signedIn: boolean; error: string | null; status: number; body: string }> {
    const csrf = await this.send(`${this.baseUrl}/api/auth/csrf`, { method: "GET" });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.send(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: this.baseUrl }).toString(),
    });
    const body = await response.text();
    let error: string | null = null;
    try {
      const { url } = JSON.parse(body) as { url?: string };
      error = url ? new URL(url, this.baseUrl).searchParams.get("error") : null;
    } catch {
      // not JSON: the status and body say what happened
    }
    // This answer's cookie, not the jar's: a client may already hold a session.
    const signedIn = response.headers.getSetCookie().some((line) => line.startsWith("next-auth.session-token=") && !/max-age=0/i.test(line));
    return { signedIn, error, status: response.status, body };
  }

  async signIn(email: string, password: string): Promise<void> {
    const attempt = await this.attemptSignIn(email, password);
    if (!attempt.signedIn) throw new Error(`Sign-in as ${email} failed (HTTP ${attempt.status}): ${attempt.body.slice(0, 200)}`);
  }
}

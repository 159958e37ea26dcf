// The app over HTTP as a browser uses it: tRPC GET queries with a superjson input, POST
// mutations with a same-origin Origin header, and next-auth credentials sign-in with cookies.
import superjson from "superjson";

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
  ) {
    super(message);
  }
}

type TrpcEnvelope = {
  result?: { data: { json: unknown; meta?: unknown } };
  error?: { json: { message: string; data?: { code?: string; httpStatus?: number } } };
};

async function readEnvelope(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: TrpcEnvelope;
  try {
    body = JSON.parse(text) as TrpcEnvelope;
  } catch {
    throw new CallError(`HTTP_${response.status}`, text.slice(0, 200));
  }
  if (body.error) throw new CallError(body.error.json.data?.code ?? `HTTP_${response.status}`, body.error.json.message);
  if (!body.result) throw new CallError(`HTTP_${response.status}`, text.slice(0, 200));
  return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]);
}

export function queryUrl(baseUrl: string, path: string, input: unknown): string {
  if (input === undefined) return `${baseUrl}/api/trpc/${path}`;
  return `${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

export class AppClient {
  readonly jar = new CookieJar();
  constructor(readonly baseUrl: string) {}

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
      body: JSON.stringify(superjson.serialize(input)),
    });
    return (await readEnvelope(response)) as T;
  }

  async text(path: string): Promise<{ status: number; body: string }> {
    const response = await this.send(`${this.baseUrl}${path}`, { method: "GET" });
    return { status: response.status, body: await response.text() };
  }

  /** next-auth 4 credentials sign-in: CSRF token, then the callback, keeping the cookies. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.send(`${this.baseUrl}/api/auth/csrf`, { method: "GET" });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.send(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: this.baseUrl }).toString(),
    });
    const text = await response.text();
    if (!this.jar.has("next-auth.session-token")) {
      throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}): ${text.slice(0, 200)}`);
    }
  }
}

import { randomBytes } from 'node:crypto';

interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ErrorResponseBody {
  error: { code: string; message: string; details?: { field?: string; code: string; message: string }[] };
}

/** A thin JSON client for driving the public API in tests. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private accessToken?: string,
  ) {}

  withToken(accessToken: string | undefined): Api {
    return new Api(this.baseUrl, accessToken);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed as T } satisfies ApiResponse<T>;
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export interface AuthResult {
  user: { id: string; username: string; displayName: string | null };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export function uniqueName(prefix = 'user'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function registerUser(
  api: Api,
  username = uniqueName(),
): Promise<AuthResult & { password: string }> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const response = await api.post<AuthResult>('/api/v1/auth/register', {
    email: `${username}@example.test`,
    username,
    password,
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...response.body, password };
}

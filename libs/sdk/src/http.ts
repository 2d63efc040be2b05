import { ERROR } from '@bonfire/contracts';
import { BonfireApiError } from './errors';
import type { AuthSession } from './auth/auth-session';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Send the access token (default true). Public routes (login, register, refresh, invite preview) pass false. */
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * JSON over fetch against the gateway: adds the bearer token, refreshes once on 401 TOKEN_EXPIRED,
 * turns non-2xx answers into BonfireApiError.
 */
export class HttpClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly fetchImpl: FetchLike,
    private readonly session: AuthSession,
    /** Bot mode: every authenticated request carries `Authorization: Bot <token>` (no login, no refresh). */
    private readonly botToken?: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const item of value) search.append(key, String(item));
      } else {
        search.append(key, String(value));
      }
    }
    const queryString = search.toString();
    return `${this.baseUrl}${path}${queryString ? `?${queryString}` : ''}`;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.requestRaw(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Like request, but answers the successful Response itself (downloads, redirects). */
  async requestRaw(
    method: string,
    path: string,
    options: RequestOptions & { redirect?: 'follow' | 'manual' } = {},
  ): Promise<Response> {
    const useAuth = options.auth ?? true;
    if (this.botToken !== undefined) {
      const response = await this.send(method, path, options, null, useAuth ? `Bot ${this.botToken}` : null);
      const isRedirect = response.status >= 300 && response.status < 400 && options.redirect === 'manual';
      if (!response.ok && !isRedirect && response.type !== 'opaqueredirect') {
        throw await BonfireApiError.fromResponse(response);
      }
      return response;
    }
    let token = useAuth ? await this.session.getAccessToken() : null;
    if (useAuth && token === null) {
      throw new BonfireApiError(401, 'NOT_AUTHENTICATED', 'There is no session: log in first.');
    }
    let response = await this.send(method, path, options, token);
    if (useAuth && token !== null && response.status === 401) {
      const error = await BonfireApiError.fromResponse(response);
      if (error.code !== ERROR.TOKEN_EXPIRED) throw error;
      token = await this.session.refresh(token);
      response = await this.send(method, path, options, token);
    }
    const isRedirect = response.status >= 300 && response.status < 400 && options.redirect === 'manual';
    if (!response.ok && !isRedirect && response.type !== 'opaqueredirect') {
      throw await BonfireApiError.fromResponse(response);
    }
    return response;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions & { redirect?: 'follow' | 'manual' },
    token: string | null,
    authorization: string | null = token !== null ? `Bearer ${token}` : null,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (authorization !== null) headers['authorization'] = authorization;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.redirect ? { redirect: options.redirect } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw BonfireApiError.network(error);
    }
  }
}

/** Path segment escaping for ids, invite codes and emoji. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

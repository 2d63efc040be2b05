import type { paths } from './generated/openapi';
import { segment, type HttpClient, type QueryValue } from './http';

/**
 * The REST routes as apps/gateway/openapi.json documents them: paths, parameters, bodies and answers are
 * the types generated into `generated/openapi.ts` (`npm run openapi`), so the SDK cannot drift from the
 * services. `RestClient` is the one way the SDK's API groups call a route.
 */
export type ApiMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
export type ApiPath = keyof paths;

/** The documented paths that have an operation for `method`. */
export type ApiPathOf<M extends ApiMethod> = {
  [P in ApiPath]: paths[P][M] extends undefined ? never : P;
}[ApiPath];

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer Json } } ? Json : never;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The path parameters of a route (`{ channelId: string }`), `never` when it has none. */
export type ApiParams<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { parameters: { path: infer Params } } ? Params : never;

/** The query parameters of a route, `never` when it has none. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

/** The JSON body a route takes (`undefined` allowed when it is optional), `never` when it takes none. */
export type ApiBody<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody: infer Body }
    ? JsonOf<Body>
    : Operation<P, M> extends { requestBody?: infer Body }
      ? JsonOf<NonNullable<Body>> | undefined
      : never;

/** The successful answer of a route: the JSON of its 2xx answer, `void` for 204 (no content). */
export type ApiAnswer<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { responses: infer Responses }
    ? {
        [S in keyof Responses & SuccessStatus]: Responses[S] extends { content: object }
          ? JsonOf<Responses[S]>
          : void;
      }[keyof Responses & SuccessStatus]
    : never;

interface CallOptions {
  /** Send the access token (default true). Public routes (login, register, invite preview) pass false. */
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type ParamsOption<P extends ApiPath, M extends ApiMethod> = [ApiParams<P, M>] extends [never]
  ? { params?: never }
  : { params: ApiParams<P, M> };
type QueryOption<P extends ApiPath, M extends ApiMethod> = [ApiQuery<P, M>] extends [never]
  ? { query?: never }
  : { query?: ApiQuery<P, M> };
type BodyOption<P extends ApiPath, M extends ApiMethod> = [ApiBody<P, M>] extends [never]
  ? { body?: never }
  : undefined extends ApiBody<P, M>
    ? { body?: ApiBody<P, M> }
    : { body: ApiBody<P, M> };

/** What a call passes: the route's path parameters, query and body, typed from the document. */
export type ApiOptions<P extends ApiPath, M extends ApiMethod> = CallOptions &
  ParamsOption<P, M> &
  QueryOption<P, M> &
  BodyOption<P, M>;

/** The options argument is optional when the route needs neither path parameters nor a body. */
type OptionsArgument<P extends ApiPath, M extends ApiMethod> = [ApiParams<P, M>] extends [never]
  ? [ApiBody<P, M>] extends [never]
    ? [options?: ApiOptions<P, M>]
    : undefined extends ApiBody<P, M>
      ? [options?: ApiOptions<P, M>]
      : [options: ApiOptions<P, M>]
  : [options: ApiOptions<P, M>];

interface AnyOptions extends CallOptions {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
}

/**
 * A typed call per documented route over HttpClient (token, refresh on TOKEN_EXPIRED, errors as
 * BonfireApiError):
 *
 * ```ts
 * const page = await rest.get('/api/v1/channels/{channelId}/messages', {
 *   params: { channelId },
 *   query: { before, limit: 50 },
 * }); // the documented answer: Message[]
 * ```
 */
export class RestClient {
  constructor(private readonly http: HttpClient) {}

  get<P extends ApiPathOf<'get'>>(
    path: P,
    ...[options]: OptionsArgument<P, 'get'>
  ): Promise<ApiAnswer<P, 'get'>> {
    return this.call('GET', path, options as AnyOptions | undefined);
  }

  post<P extends ApiPathOf<'post'>>(
    path: P,
    ...[options]: OptionsArgument<P, 'post'>
  ): Promise<ApiAnswer<P, 'post'>> {
    return this.call('POST', path, options as AnyOptions | undefined);
  }

  put<P extends ApiPathOf<'put'>>(
    path: P,
    ...[options]: OptionsArgument<P, 'put'>
  ): Promise<ApiAnswer<P, 'put'>> {
    return this.call('PUT', path, options as AnyOptions | undefined);
  }

  patch<P extends ApiPathOf<'patch'>>(
    path: P,
    ...[options]: OptionsArgument<P, 'patch'>
  ): Promise<ApiAnswer<P, 'patch'>> {
    return this.call('PATCH', path, options as AnyOptions | undefined);
  }

  delete<P extends ApiPathOf<'delete'>>(
    path: P,
    ...[options]: OptionsArgument<P, 'delete'>
  ): Promise<ApiAnswer<P, 'delete'>> {
    return this.call('DELETE', path, options as AnyOptions | undefined);
  }

  /** The path with its `{name}` parameters filled in (each escaped as one segment). */
  static fill(path: string, params: Record<string, string> = {}): string {
    return path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const value = params[name];
      if (value === undefined) throw new TypeError(`Missing path parameter ${name} for ${path}`);
      return segment(value);
    });
  }

  private call<T>(method: string, path: string, options: AnyOptions = {}): Promise<T> {
    const { params, query, body, ...rest } = options;
    return this.http.request<T>(method, RestClient.fill(path, params), {
      ...rest,
      ...(query !== undefined ? { query: query as Record<string, QueryValue> } : {}),
      ...(body !== undefined ? { body } : {}),
    });
  }
}

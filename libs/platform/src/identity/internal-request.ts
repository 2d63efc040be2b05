import { IDENTITY_HEADER, signIdentity, type CallerIdentity } from './internal-identity';

export interface InternalGetOptions {
  /** The other service's base URL, e.g. CHAT_URL. */
  baseUrl: string;
  path: string;
  /** Who the answer is for: signed with the shared secret, as the gateway signs it. */
  caller: CallerIdentity;
  identitySecret: string;
  timeoutMs: number;
  /** The error to throw when the service cannot answer (unreachable, timed out, or any status but 2xx/404). */
  unavailable: (reason: string) => Error;
}

/**
 * GET on another service's internal API on behalf of `caller`. 404 means "not visible to this caller" and
 * answers null; every other failure throws `unavailable(reason)`, so callers answer 503 instead of guessing.
 */
export async function getInternalJson<T>(options: InternalGetOptions): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(new URL(options.path, options.baseUrl), {
      headers: { [IDENTITY_HEADER]: signIdentity(options.identitySecret, options.caller) },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw options.unavailable(`unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw options.unavailable(`answered ${response.status} to ${options.path}`);
  }
  return (await response.json()) as T;
}

import { afterGathering, type GatherOptions } from './gather';

/** Requests one call carries at most; more concurrent requests than this go in further calls. */
const DEFAULT_MAX_REQUESTS = 500;

interface OpenBatch<Q, A> {
  readonly requests: Q[];
  readonly answers: Promise<A[]>;
}

/**
 * Gathers the requests that concurrent callers make in one turn of the event loop into one call that
 * answers all of them, in order — KeyedBatch's sibling for requests that are not keys (each caller asks
 * its own question, e.g. "these users' presences, as user X sees them"). A burst of handshakes then costs
 * one round trip to a service instead of one each. The call starts after every caller in the batch asked
 * (one event-loop turn, or `gatherMs`), and each caller gets the answer at its own request's index.
 */
export class RequestBatch<Q, A> {
  private open: OpenBatch<Q, A> | null = null;

  constructor(
    /** Answers every request, in the order given (one answer per request). */
    private readonly answerAll: (requests: Q[]) => Promise<A[]>,
    private readonly options: GatherOptions & { maxRequests?: number } = {},
  ) {}

  async ask(request: Q): Promise<A> {
    if (this.open === null || this.open.requests.length >= (this.options.maxRequests ?? DEFAULT_MAX_REQUESTS))
      this.open = this.start();
    const batch = this.open;
    const index = batch.requests.push(request) - 1;
    return (await batch.answers)[index]!;
  }

  private start(): OpenBatch<Q, A> {
    const requests: Q[] = [];
    const close = () => {
      if (this.open === batch) this.open = null;
    };
    const batch: OpenBatch<Q, A> = {
      requests,
      answers: afterGathering(this.options.gatherMs ?? 0, close, async () => {
        const answers = await this.answerAll(requests);
        // Answers are matched to callers by position: a short or long list matches none safely.
        if (answers.length !== requests.length) {
          throw new Error(`${requests.length} requests got ${answers.length} answers`);
        }
        return answers;
      }),
    };
    return batch;
  }
}

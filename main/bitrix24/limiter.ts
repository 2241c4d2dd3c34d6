/**
 * A client-side leaky bucket that mirrors the portal's: each request adds
 * one, the level drains at `drainPerSecond`, and a request waits rather
 * than overflow `capacity`. Defaults are the portal's (burst 50, 2 per
 * second; Enterprise plans 250 and 5).
 *
 * TODO(bitrix24): the portal counts per source IP, so several desktops
 * behind one office NAT share its bucket while each keeps its own count
 * here; the 503 backoff in the client is what keeps them going then.
 */

export interface RateLimitOptions {
  capacity: number;
  drainPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 50, drainPerSecond: 2 };

export class LeakyBucketLimiter {
  private level = 0;
  private at: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = delay,
  ) {
    if (!(options.capacity >= 1) || !(options.drainPerSecond > 0)) {
      throw new Error("Bitrix24 rate limit: capacity must be ≥ 1 and drainPerSecond > 0");
    }
    this.at = now();
  }

  /** Resolves when one more request fits in the bucket; requests go in turn. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The portal said the bucket is full: start again from a full bucket. */
  fill(): void {
    this.drain();
    this.level = this.options.capacity;
  }

  private drain(): void {
    const now = this.now();
    this.level = Math.max(0, this.level - ((now - this.at) / 1000) * this.options.drainPerSecond);
    this.at = now;
  }

  /**
   * One place of the bucket is kept free: the portal starts draining a
   * request when it arrives, later than we count it here, so requests that
   * travel unevenly would otherwise overflow it by one.
   */
  private get usable(): number {
    return Math.max(1, this.options.capacity - 1);
  }

  private async take(): Promise<void> {
    this.drain();
    const over = this.level + 1 - this.usable;
    if (over > 0) {
      await this.sleep(Math.ceil((over / this.options.drainPerSecond) * 1000));
      this.drain();
    }
    this.level += 1;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What can go wrong on a portal, switched on per test: the request-rate
 * leaky bucket, and one-shot faults for the next matching requests.
 */

export interface RateLimit {
  /** Requests the bucket holds before refusing (50; Enterprise 250). */
  capacity: number;
  /** Requests drained per second (2; Enterprise 5). */
  drainPerSecond: number;
}

/** Every plan but Enterprise (which has 250 and 5 per second). */
export const PORTAL_RATE_LIMIT: RateLimit = { capacity: 50, drainPerSecond: 2 };

export type FaultKind =
  /** 503 QUERY_LIMIT_EXCEEDED, as when the bucket overflows. */
  | "rate-limit"
  /** 429 OPERATION_TIME_LIMIT for the method. */
  | "operation-time-limit"
  /** 500 INTERNAL_SERVER_ERROR. */
  | "internal"
  /** 503 OVERLOAD_LIMIT (blocked by support). */
  | "overload"
  /** An HTML page instead of JSON, with `status` (default 502). */
  | "html"
  /** 400 with an empty `error` code, as the legacy crm methods answer. */
  | "empty-code"
  /** Run the method, then send only the first half of the JSON answer. */
  | "truncated"
  /** Answer normally after `delayMs`. */
  | "slow"
  /** Run the method and commit, then hold the answer for `delayMs`. */
  | "timeout-after-commit";

export interface Fault {
  kind: FaultKind;
  /**
   * Lower-case method names it applies to; all methods when absent. A `batch`
   * request matches when one of its commands calls one of them.
   */
  methods?: string[];
  /** How many requests it hits (default 1). */
  times?: number;
  status?: number;
  delayMs?: number;
  /** For "empty-code" and "html": the text to send. */
  description?: string;
}

export class LeakyBucket {
  private level = 0;
  private at = Date.now();

  constructor(readonly limit: RateLimit) {}

  /** Adds one request; false when the bucket is full (the request is refused). */
  take(now = Date.now()): boolean {
    this.level = Math.max(0, this.level - ((now - this.at) / 1000) * this.limit.drainPerSecond);
    this.at = now;
    if (this.level + 1 > this.limit.capacity) return false;
    this.level += 1;
    return true;
  }
}

export class FaultQueue {
  private queue: (Fault & { left: number })[] = [];

  add(fault: Fault): void {
    this.queue.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  /** The first fault matching the method (or a batch's inner methods), used up by one. */
  take(method: string, inner: string[] = []): Fault | null {
    const hits = (m: string[]) => m.includes(method) || inner.some((i) => m.includes(i));
    const found = this.queue.find((f) => !f.methods || hits(f.methods));
    if (!found) return null;
    found.left -= 1;
    if (found.left <= 0) this.queue = this.queue.filter((f) => f !== found);
    return found;
  }
}

export interface OperatingLimit {
  /** Seconds of execution a method may use per window (480 on the cloud). */
  budgetSeconds: number;
  /** Synthetic cost of one call, in seconds. */
  costSeconds: number;
  /** Length of the window (10 minutes on the cloud). */
  windowMs?: number;
}

interface Meter {
  windowStart: number;
  used: number;
}

/**
 * The per-method operating-time budget, per credential: each call adds its
 * cost; once a method has used more than the budget, its next calls get 429
 * until the window ends. Other methods keep working. (○ One window from the
 * first call stands in for the portal's ten one-minute buckets.)
 */
export class OperatingBudget {
  private meters = new Map<string, Meter>();

  constructor(readonly limit: OperatingLimit) {}

  private window(): number {
    return this.limit.windowMs ?? 600_000;
  }

  /** Charges one call; false when the method is blocked. */
  charge(credential: string, method: string, now = Date.now()): boolean {
    const key = `${credential}|${method}`;
    let meter = this.meters.get(key);
    if (!meter || now >= meter.windowStart + this.window()) {
      meter = { windowStart: now, used: 0 };
      this.meters.set(key, meter);
    }
    if (meter.used > this.limit.budgetSeconds) return false;
    meter.used += this.limit.costSeconds;
    return true;
  }

  /** `time.operating` and `time.operating_reset_at` (unix seconds) for a method. */
  report(credential: string, method: string): { operating: number; resetAt: number } | null {
    const meter = this.meters.get(`${credential}|${method}`);
    if (!meter) return null;
    return {
      operating: meter.used,
      resetAt: Math.floor((meter.windowStart + this.window()) / 1000),
    };
  }
}

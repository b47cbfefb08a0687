import type { SheetGrid } from "../../shared/grid/types.js";
import { ApiError, submitSheet, type ApiConfig, type Verdict } from "./client.js";
import { minOf } from "../../shared/util/append-all.js";

/**
 * Submissions that could not reach the Worker, kept in localStorage and sent again.
 *
 * - Only what retrying can fix is queued: no answer (offline), 408, 429 and 5xx. Any other
 *   answer (401 wrong token, 403, 404, 409 closed, 422 rejected) is final and shown at once.
 * - One item per Worker, collection and token (the branch): a newer submission of the same
 *   supersedes a queued older one, so an old copy never lands as the latest version.
 * - The Worker address, token and language are captured when the item is queued and used for
 *   every retry; later settings never send it elsewhere or as someone else.
 * - Retries back off (doubling, capped), and every send, new or queued, goes through one lock,
 *   one at a time, across the pane's tabs where the browser has Web Locks.
 * - An item that failed for good keeps its reason (not its grid) until the clerk dismisses it.
 */
export type OutboxState = "queued" | "sending" | "failed";

export interface OutboxTarget {
  baseUrl: string;
  token: string;
  lang?: "zh" | "en";
}

export interface OutboxItem {
  /** Also the submission's Idempotency-Key, so a retry after a lost answer is not stored twice. */
  id: string;
  collectionId: string;
  target: OutboxTarget;
  sheetName: string;
  /** Only while the item can still be sent; dropped once it failed for good. */
  grid: SheetGrid | null;
  state: OutboxState;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  /** HTTP status of the last answer, null for no answer. */
  lastStatus: number | null;
  /** When the next retry is due (ms since the epoch). */
  nextAttemptAt: number;
}

export type SubmitOutcome =
  | { kind: "sent"; verdict: Verdict; superseded: number }
  | { kind: "queued"; item: OutboxItem; error: string; superseded: number }
  | { kind: "failed"; error: string; status: number | null; superseded: number };

export interface FlushResult {
  sent: { item: OutboxItem; verdict: Verdict }[];
  failed: OutboxItem[];
  left: number;
}

/** Runs `task` while no other send runs (in this pane, and in other tabs through Web Locks). */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

export const OUTBOX_KEY = "party-ledger.outbox";
export const BACKOFF_FIRST_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

export function newItemId(): string {
  return `pl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The lock of this page, chained promises; Web Locks (navigator.locks) where the browser has them. */
export function pageLock(name = OUTBOX_KEY): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  const locks = typeof navigator !== "undefined" ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = locks ? () => locks.request(name, task) as Promise<T> : task;
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
}

const sameTarget = (a: OutboxTarget, b: OutboxTarget) => a.baseUrl.replace(/\/+$/, "") === b.baseUrl.replace(/\/+$/, "") && a.token === b.token;

/** Is this failure one that sending again can fix? */
export function retriable(e: unknown): boolean {
  return e instanceof ApiError ? e.retriable : e instanceof TypeError;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const statusOf = (e: unknown) => (e instanceof ApiError ? e.status : null);

export class Outbox {
  private flushing: Promise<FlushResult> | null = null;

  constructor(
    private readonly storage: Storage = localStorage,
    private readonly lock: Lock = pageLock(),
    private readonly fetchImpl?: typeof fetch,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  list(): OutboxItem[] {
    try {
      const raw = this.storage.getItem(OUTBOX_KEY);
      const items = raw ? (JSON.parse(raw) as OutboxItem[]) : [];
      // Items of the earlier format (no captured target) cannot be sent safely: shown as failed.
      return items.map((i) => (i.target ? i : { ...i, state: "failed" as const, grid: null, target: { baseUrl: "", token: "" }, lastError: i.lastError ?? null }));
    } catch {
      return [];
    }
  }

  /** Throws when storage is full: a submission is never dropped silently. */
  private write(items: OutboxItem[]): void {
    this.storage.setItem(OUTBOX_KEY, JSON.stringify(items));
  }

  private update(id: string, patch: Partial<OutboxItem>): void {
    this.write(this.list().map((i) => (i.id === id ? { ...i, ...patch } : i)));
  }

  /** The clerk dismisses an item: a failed one, or a queued one they no longer want sent. */
  dismiss(id: string): void {
    this.write(this.list().filter((i) => i.id !== id || i.state === "sending"));
  }

  /** When the earliest queued item is due, or null when none is waiting. */
  nextDue(): number | null {
    const due = this.list().filter((i) => i.state === "queued").map((i) => i.nextAttemptAt);
    return due.length ? minOf(due) : null;
  }

  /** Doubling from BACKOFF_FIRST_MS up to BACKOFF_CAP_MS, with ±20% jitter; a Retry-After answer is honoured. */
  backoff(attempts: number, retryAfterMs?: number | null): number {
    const base = Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, attempts - 1));
    const jittered = base * (0.8 + 0.4 * this.random());
    return Math.min(BACKOFF_CAP_MS, Math.max(jittered, retryAfterMs ?? 0));
  }

  private config(target: OutboxTarget): ApiConfig {
    return { baseUrl: target.baseUrl, token: target.token, lang: target.lang, ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}) };
  }

  /**
   * Submit a sheet now, in the one queue. Queued items of the same Worker, collection and token
   * are superseded first; a failure retrying can fix is queued, any other is returned as final.
   */
  submit(target: OutboxTarget, collectionId: string, grid: SheetGrid): Promise<SubmitOutcome> {
    return this.lock(async () => {
      // This submission replaces whatever the same branch left for the same collection.
      const before = this.list();
      const mine = (i: OutboxItem) => i.collectionId === collectionId && sameTarget(i.target, target);
      const superseded = before.filter((i) => mine(i) && i.state === "queued").length;
      if (before.some(mine)) this.write(before.filter((i) => !mine(i)));
      const id = newItemId();
      try {
        return { kind: "sent", verdict: await submitSheet(this.config(target), collectionId, grid, id), superseded };
      } catch (e) {
        if (!retriable(e)) return { kind: "failed", error: messageOf(e), status: statusOf(e), superseded };
        const item: OutboxItem = {
          id,
          collectionId,
          target: { ...target },
          sheetName: grid.name,
          grid,
          state: "queued",
          createdAt: new Date(this.now()).toISOString(),
          attempts: 1,
          lastError: messageOf(e),
          lastStatus: statusOf(e),
          nextAttemptAt: this.now() + this.backoff(1, e instanceof ApiError ? e.retryAfterMs : null),
        };
        this.write([...this.list(), item]);
        return { kind: "queued", item, error: messageOf(e), superseded };
      }
    });
  }

  /**
   * Send every queued item that is due (all of them with `force`), one at a time, each with the
   * settings it was queued under. Calls made while a flush runs share that flush.
   */
  flush(force = false): Promise<FlushResult> {
    this.flushing ??= this.lock(() => this.flushNow(force)).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushNow(force: boolean): Promise<FlushResult> {
    const result: FlushResult = { sent: [], failed: [], left: 0 };
    const due = this.list().filter((i) => i.state === "queued" && i.grid && (force || i.nextAttemptAt <= this.now()));
    for (const queued of due) {
      // Re-read: another tab may have sent, superseded or dismissed it meanwhile.
      const item = this.list().find((i) => i.id === queued.id && i.state === "queued");
      if (!item?.grid) continue;
      this.update(item.id, { state: "sending" });
      try {
        const verdict = await submitSheet(this.config(item.target), item.collectionId, item.grid, item.id);
        this.write(this.list().filter((i) => i.id !== item.id));
        result.sent.push({ item, verdict });
      } catch (e) {
        const attempts = item.attempts + 1;
        if (retriable(e)) {
          this.update(item.id, { state: "queued", attempts, lastError: messageOf(e), lastStatus: statusOf(e), nextAttemptAt: this.now() + this.backoff(attempts, e instanceof ApiError ? e.retryAfterMs : null) });
        } else {
          const failed: Partial<OutboxItem> = { state: "failed", grid: null, attempts, lastError: messageOf(e), lastStatus: statusOf(e) };
          this.update(item.id, failed);
          result.failed.push({ ...item, ...failed });
        }
      }
    }
    result.left = this.list().filter((i) => i.state !== "failed").length;
    return result;
  }

  /**
   * A pane closed mid-send leaves its item "sending": queue it again, under the lock (so no
   * send is running). Its key is the same, so if the Worker did store it, the retry is a replay.
   */
  recover(): Promise<void> {
    return this.lock(async () => {
      const items = this.list();
      if (items.some((i) => i.state === "sending")) this.write(items.map((i) => (i.state === "sending" ? { ...i, state: "queued" as const } : i)));
    });
  }
}

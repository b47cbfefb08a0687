import type { SheetGrid } from "../../shared/grid/types.js";
import { ApiError, submitSheet, type ApiConfig, type Verdict } from "./client.js";

/**
 * Submissions that failed are kept in localStorage and retried; one leaves the outbox
 * only when the Worker answered it. Nothing is dropped silently: a full storage throws.
 */
export interface OutboxItem {
  id: string;
  collectionId: string;
  grid: SheetGrid;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

const KEY = "party-ledger.outbox";

/** Also the submission's Idempotency-Key, so a retry after a lost answer is not stored twice. */
export function newItemId(): string {
  return `pl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class Outbox {
  constructor(private readonly storage: Storage = localStorage) {}

  list(): OutboxItem[] {
    try {
      const raw = this.storage.getItem(KEY);
      return raw ? (JSON.parse(raw) as OutboxItem[]) : [];
    } catch {
      return [];
    }
  }

  private write(items: OutboxItem[]): void {
    this.storage.setItem(KEY, JSON.stringify(items));
  }

  add(collectionId: string, grid: SheetGrid, error: string, id = newItemId()): OutboxItem {
    const item: OutboxItem = {
      id,
      collectionId,
      grid,
      createdAt: new Date().toISOString(),
      attempts: 1,
      lastError: error,
    };
    this.write([...this.list(), item]);
    return item;
  }

  remove(id: string): void {
    this.write(this.list().filter((i) => i.id !== id));
  }

  private update(id: string, patch: Partial<OutboxItem>): void {
    this.write(this.list().map((i) => (i.id === id ? { ...i, ...patch } : i)));
  }

  /** Try every queued submission once; returns the verdicts of those that went through. */
  async flush(cfg: ApiConfig): Promise<{ sent: { item: OutboxItem; verdict: Verdict }[]; left: number }> {
    const sent: { item: OutboxItem; verdict: Verdict }[] = [];
    for (const item of this.list()) {
      try {
        const verdict = await submitSheet(cfg, item.collectionId, item.grid, item.id);
        this.remove(item.id);
        sent.push({ item, verdict });
      } catch (e) {
        this.update(item.id, { attempts: item.attempts + 1, lastError: e instanceof ApiError ? e.message : String(e) });
      }
    }
    return { sent, left: this.list().length };
  }
}

/** Submit now; on any failure keep it in the outbox (same idempotency key on retry) and say so. */
export async function submitOrQueue(
  cfg: ApiConfig,
  outbox: Outbox,
  collectionId: string,
  grid: SheetGrid,
): Promise<{ verdict: Verdict } | { queued: OutboxItem; error: string }> {
  const key = newItemId();
  try {
    return { verdict: await submitSheet(cfg, collectionId, grid, key) };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { queued: outbox.add(collectionId, grid, error, key), error };
  }
}

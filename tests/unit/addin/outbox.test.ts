import { describe, expect, it } from "vitest";
import { BACKOFF_CAP_MS, BACKOFF_FIRST_MS, Outbox, pageLock, type OutboxTarget } from "../../../addin/api/outbox.js";
import type { SheetGrid } from "../../../shared/grid/types.js";
import { MemoryStorage } from "./memory-storage.js";

/**
 * A fake Worker: versions per collection and token (the branch), idempotent by key, and a
 * switch for what it answers next: "up", "offline" (no answer) or an HTTP status.
 */
function fakeWorker() {
  const stored: { url: string; token: string; key: string; grid: SheetGrid; version: number }[] = [];
  const calls: { url: string; token: string; key: string }[] = [];
  let mode: "up" | "offline" | number = "up";
  let retryAfter: string | null = null;
  let gate: Promise<void> | null = null;
  const fetch = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const token = headers.authorization!.replace("Bearer ", "");
    const key = headers["idempotency-key"]!;
    calls.push({ url, token, key });
    if (gate) await gate;
    if (mode === "offline") throw new TypeError("Failed to fetch");
    if (typeof mode === "number") {
      return new Response(JSON.stringify({ error: { code: "x", message: `状态 ${mode}`, messageEn: `status ${mode}` } }), {
        status: mode,
        headers: retryAfter ? { "retry-after": retryAfter } : {},
      });
    }
    const prior = stored.find((s) => s.key === key && s.token === token);
    const grid = (JSON.parse(String(init.body)) as { grid: { sheets: SheetGrid[] } }).grid.sheets[0]!;
    const version = prior?.version ?? stored.filter((s) => s.url === url && s.token === token).length + 1;
    if (!prior) stored.push({ url, token, key, grid, version });
    return new Response(JSON.stringify({ id: `s-${version}`, version, status: "clean", counts: { errors: 0, warnings: 0, infos: 0 } }), { status: 201 });
  }) as unknown as typeof globalThis.fetch;
  return {
    fetch,
    stored,
    calls,
    set: (m: typeof mode, after: string | null = null) => {
      mode = m;
      retryAfter = after;
    },
    /** Hold every answer until `release()`: a send in flight. */
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

const A: OutboxTarget = { baseUrl: "https://worker-a.example", token: "token-branch-1" };
const B: OutboxTarget = { baseUrl: "https://worker-b.example", token: "token-branch-2" };
const sheet = (name: string): SheetGrid => ({ name: "花名册", values: [["姓名", "身份证号码"], [name, "11010519491231002X"]] });

function setup(now = { t: 1_000_000 }) {
  const worker = fakeWorker();
  const storage = new MemoryStorage();
  const outbox = new Outbox(storage, pageLock(), worker.fetch, () => now.t, () => 0.5);
  return { worker, storage, outbox, now };
}

describe("outbox: nothing stale", () => {
  it("a queued old copy is superseded by a newer submission: the Worker stores only the fixed sheet, as version 1", async () => {
    const { worker, outbox } = setup();
    worker.set("offline");
    const first = await outbox.submit(A, "c1", sheet("未改正"));
    expect(first.kind).toBe("queued");
    expect(outbox.list()).toHaveLength(1);
    worker.set("up");
    const second = await outbox.submit(A, "c1", sheet("已改正"));
    expect(second).toMatchObject({ kind: "sent", superseded: 1, verdict: { version: 1 } });
    expect(outbox.list()).toEqual([]);
    await outbox.flush(true);
    expect(worker.stored.map((s) => [s.grid.values[1]![0], s.version])).toEqual([["已改正", 1]]);
  });

  it("a newer submission queued while offline replaces the older queued one: one item per collection and branch", async () => {
    const { worker, outbox } = setup();
    worker.set("offline");
    await outbox.submit(A, "c1", sheet("第一版"));
    await outbox.submit(A, "c1", sheet("第二版"));
    await outbox.submit(A, "c2", sheet("另一任务"));
    await outbox.submit(B, "c1", sheet("另一支部"));
    expect(outbox.list().map((i) => [i.collectionId, i.target.token, i.grid!.values[1]![0]])).toEqual([
      ["c1", A.token, "第二版"],
      ["c2", A.token, "另一任务"],
      ["c1", B.token, "另一支部"],
    ]);
    worker.set("up");
    await outbox.flush(true);
    expect(worker.stored.map((s) => s.grid.values[1]![0]).sort()).toEqual(["另一任务", "另一支部", "第二版"].sort());
  });

  it("a submission made while a queued one is being sent waits for it: the newer one is the latest version", async () => {
    const { worker, outbox } = setup();
    worker.set("offline");
    await outbox.submit(A, "c1", sheet("旧"));
    worker.set("up");
    const release = worker.hold();
    const flushing = outbox.flush(true);
    await new Promise((r) => setTimeout(r, 5));
    const submitting = outbox.submit(A, "c1", sheet("新"));
    await new Promise((r) => setTimeout(r, 5));
    expect(worker.calls).toHaveLength(2); // the first offline try, then the flush; the new one has not started
    release();
    await flushing;
    const r = await submitting;
    expect(r).toMatchObject({ kind: "sent", verdict: { version: 2 } });
    expect(worker.stored.map((s) => [s.grid.values[1]![0], s.version])).toEqual([
      ["旧", 1],
      ["新", 2],
    ]);
  });
});

describe("outbox: only what retrying can fix", () => {
  it.each([401, 403, 404, 409, 422, 400])("a %i is final: shown at once, never queued, sent once", async (status) => {
    const { worker, outbox } = setup();
    worker.set(status);
    const r = await outbox.submit(A, "c1", sheet("张三"));
    expect(r).toMatchObject({ kind: "failed", status, error: `${status} 状态 ${status}` });
    expect(outbox.list()).toEqual([]);
    worker.set("up");
    await outbox.flush(true);
    expect(worker.calls).toHaveLength(1);
    expect(worker.stored).toEqual([]);
  });

  it.each([["offline"], [500], [502], [503], [429], [408]] as const)("%s is queued and sent once the Worker answers", async (mode) => {
    const { worker, outbox } = setup();
    worker.set(mode);
    expect((await outbox.submit(A, "c1", sheet("张三"))).kind).toBe("queued");
    worker.set("up");
    const { sent, left } = await outbox.flush(true);
    expect(sent).toHaveLength(1);
    expect(left).toBe(0);
    // the same idempotency key on the retry as on the first try
    expect(new Set(worker.calls.map((c) => c.key)).size).toBe(1);
  });

  it("a queued item that gets a final answer on retry (closed collection) fails for good: kept with its reason, grid dropped, never sent again", async () => {
    const { worker, outbox } = setup();
    worker.set(503);
    await outbox.submit(A, "c1", sheet("张三"));
    worker.set(409);
    const { failed } = await outbox.flush(true);
    expect(failed).toHaveLength(1);
    expect(outbox.list()).toMatchObject([{ state: "failed", lastStatus: 409, lastError: "409 状态 409", grid: null }]);
    worker.set("up");
    await outbox.flush(true);
    expect(worker.calls).toHaveLength(2);
    outbox.dismiss(outbox.list()[0]!.id);
    expect(outbox.list()).toEqual([]);
  });
});

describe("outbox: settings are captured at queue time", () => {
  it("a queued item is sent to the address and with the token it was queued under, whatever the settings are now", async () => {
    const { worker, outbox } = setup();
    worker.set("offline");
    await outbox.submit(A, "c1", sheet("张三"));
    // the clerk now points the pane at another Worker and token, and submits something else there
    worker.set("up");
    await outbox.submit(B, "c9", sheet("李四"));
    await outbox.flush(true);
    const sentA = worker.calls.filter((c) => c.key === worker.stored.find((s) => s.grid.values[1]![0] === "张三")!.key);
    expect(sentA.every((c) => c.url.startsWith(A.baseUrl) && c.token === A.token)).toBe(true);
    expect(worker.stored.find((s) => s.grid.values[1]![0] === "李四")).toMatchObject({ token: B.token });
    expect(worker.stored.find((s) => s.grid.values[1]![0] === "张三")).toMatchObject({ token: A.token, url: `${A.baseUrl}/v1/collections/c1/submissions` });
  });

  it("items of the earlier format (no captured settings) are never sent: shown as failed", async () => {
    const { worker, storage, outbox } = setup();
    storage.setItem("party-ledger.outbox", JSON.stringify([{ id: "old", collectionId: "c1", grid: sheet("x"), createdAt: "2025-01-01", attempts: 3, lastError: "503" }]));
    await outbox.flush(true);
    expect(worker.calls).toEqual([]);
    expect(outbox.list()[0]).toMatchObject({ state: "failed", grid: null });
  });
});

describe("outbox: back-off and one flush at a time", () => {
  it("backs off doubling from the first delay up to the cap, and honours Retry-After", async () => {
    const { worker, outbox, now } = setup();
    worker.set(503);
    await outbox.submit(A, "c1", sheet("张三"));
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const due = outbox.list()[0]!.nextAttemptAt;
      delays.push(due - now.t);
      const calls = worker.calls.length;
      await outbox.flush(); // not due yet: nothing sent
      expect(worker.calls).toHaveLength(calls);
      now.t = due;
      await outbox.flush();
      expect(worker.calls).toHaveLength(calls + 1);
    }
    // random() = 0.5 makes the jitter factor exactly 1
    expect(delays.slice(0, 4)).toEqual([BACKOFF_FIRST_MS, 2 * BACKOFF_FIRST_MS, 4 * BACKOFF_FIRST_MS, 8 * BACKOFF_FIRST_MS]);
    expect(Math.max(...delays)).toBe(BACKOFF_CAP_MS);
    worker.set(429, "120");
    now.t = outbox.list()[0]!.nextAttemptAt;
    await outbox.flush();
    expect(outbox.list()[0]!.nextAttemptAt - now.t).toBe(Math.max(120_000, Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** 10)));
  });

  it("concurrent flushes, in one pane or in two tabs sharing storage and lock, send each item once", async () => {
    const worker = fakeWorker();
    const storage = new MemoryStorage();
    const lock = pageLock();
    const tab1 = new Outbox(storage, lock, worker.fetch);
    const tab2 = new Outbox(storage, lock, worker.fetch);
    worker.set("offline");
    await tab1.submit(A, "c1", sheet("张三"));
    await tab1.submit(A, "c2", sheet("李四"));
    worker.set("up");
    const calls = worker.calls.length;
    await Promise.all([tab1.flush(true), tab1.flush(true), tab2.flush(true), tab2.flush(true)]);
    expect(worker.calls.length - calls).toBe(2);
    expect(worker.stored).toHaveLength(2);
    expect(tab2.list()).toEqual([]);
  });

  it("an item left 'sending' by a pane that closed mid-send is queued again with the same key", async () => {
    const { worker, storage, outbox } = setup();
    worker.set("offline");
    await outbox.submit(A, "c1", sheet("张三"));
    const items = outbox.list().map((i) => ({ ...i, state: "sending" }));
    storage.setItem("party-ledger.outbox", JSON.stringify(items));
    await outbox.recover();
    worker.set("up");
    await outbox.flush(true);
    expect(worker.stored).toHaveLength(1);
    expect(worker.stored[0]!.key).toBe(items[0]!.id);
  });

  it("a full storage is an error the pane shows, never a silent drop", async () => {
    const { worker } = setup();
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    const outbox = new Outbox(full, pageLock(), worker.fetch);
    worker.set("offline");
    await expect(outbox.submit(A, "c1", sheet("张三"))).rejects.toThrow("quota");
  });
});

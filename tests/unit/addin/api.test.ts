import { describe, expect, it } from "vitest";
import { collectionStatus, submitSheet } from "../../../addin/api/client.js";
import { Outbox, submitOrQueue } from "../../../addin/api/outbox.js";

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

const grid = { name: "花名册", values: [["姓名"], ["张三"]] };

function fakeFetch(responses: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new TypeError("Failed to fetch");
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const created = (body: unknown) => () => new Response(JSON.stringify(body), { status: 201 });

describe("Worker client", () => {
  it("posts { grid: WorkbookGrid } with the Bearer token and reads the verdict", async () => {
    const { fetch, calls } = fakeFetch([created({ id: "s1", version: 2, status: "errors", late: false, counts: { errors: 3, warnings: 2, infos: 0 } })]);
    const v = await submitSheet({ baseUrl: "https://w.example/", token: "t0k", fetch }, "c1", grid, "key-1");
    expect(v).toMatchObject({ submissionId: "s1", version: 2, accepted: false, errors: 3, warnings: 2 });
    expect(calls[0]!.url).toBe("https://w.example/v1/collections/c1/submissions");
    expect(calls[0]!.init.headers).toMatchObject({ authorization: "Bearer t0k", "idempotency-key": "key-1" });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ grid: { sheets: [grid] } });
  });

  it("reads the collection status per branch", async () => {
    const { fetch } = fakeFetch([
      () =>
        Response.json({
          branches: [
            { branchId: "b", name: "一支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, errors: null, warnings: null, submittedAt: null },
            { branchId: "c", name: "二支部", status: "late", late: true, latestVersion: 2, submissionId: "s2", errors: 3, warnings: 1, submittedAt: "2025-06-01T02:00:00.000Z" },
          ],
        }),
    ]);
    expect(await collectionStatus({ baseUrl: "https://w", token: "t", fetch }, "c1")).toEqual([
      { branchId: "b", branch: "一支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, errors: null, warnings: null, submittedAt: null },
      { branchId: "c", branch: "二支部", status: "late", late: true, latestVersion: 2, submissionId: "s2", errors: 3, warnings: 1, submittedAt: "2025-06-01T02:00:00.000Z" },
    ]);
  });

  it("reports the Worker's error message in the pane's language", async () => {
    const refuse = () => new Response(JSON.stringify({ error: { code: "unauthorized", message: "令牌无效", messageEn: "Invalid token" } }), { status: 401 });
    const zh = fakeFetch([refuse]);
    await expect(collectionStatus({ baseUrl: "https://w", token: "t", fetch: zh.fetch }, "c1")).rejects.toThrow("401 令牌无效");
    const en = fakeFetch([refuse]);
    await expect(collectionStatus({ baseUrl: "https://w", token: "t", fetch: en.fetch, lang: "en" }, "c1")).rejects.toMatchObject({ message: "401 Invalid token", retriable: false });
  });
});

describe("outbox", () => {
  it("keeps a failed submission (offline, 5xx) and sends it on retry with the same idempotency key", async () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox(storage);
    const offline = fakeFetch([]);
    const r1 = await submitOrQueue({ baseUrl: "https://w", token: "t", fetch: offline.fetch }, outbox, "c1", grid);
    expect("queued" in r1).toBe(true);
    const server = fakeFetch([() => new Response(JSON.stringify({ error: { message: "服务暂不可用" } }), { status: 503 })]);
    await outbox.flush({ baseUrl: "https://w", token: "t", fetch: server.fetch });
    expect(outbox.list()).toHaveLength(1);
    expect(outbox.list()[0]).toMatchObject({ attempts: 2, lastError: "503 服务暂不可用" });
    const ok = fakeFetch([created({ id: "s9", status: "clean", counts: { errors: 0, warnings: 0, infos: 0 } })]);
    const { sent, left } = await outbox.flush({ baseUrl: "https://w", token: "t", fetch: ok.fetch });
    expect(left).toBe(0);
    expect(sent[0]!.verdict.accepted).toBe(true);
    expect((ok.calls[0]!.init.headers as Record<string, string>)["idempotency-key"]).toBe(("queued" in r1 && r1.queued.id) || "");
    expect(storage.getItem("party-ledger.outbox")).toBe("[]");
  });
});

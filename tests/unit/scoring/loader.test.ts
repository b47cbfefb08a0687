import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { RuleSetCache } from "../../../shared/ruleset/cache.js";
import { RuleSetLoader } from "../../../shared/ruleset/loader.js";
import type { RuleSet } from "../../../shared/ruleset/schema.js";

const acme = (version: number): RuleSet => ({ ...DEFAULT_RULE_SET, id: "acme", version, title: `acme v${version}` });

/**
 * A fake Worker: serves the given rule sets (one by `/v1/rulesets/{ref}`, several by
 * `/v1/rulesets?refs=a@1,b@2`), counts requests, answers after a tick.
 */
function fakeWorker(sets: RuleSet[], opts: { fail?: boolean; body?: unknown; status?: number } = {}) {
  const calls: string[] = [];
  const find = (ref: string) => {
    const [id, version] = ref.split("@");
    return sets.filter((s) => s.id === id && (version === undefined || s.version === Number(version))).sort((a, b) => b.version - a.version)[0];
  };
  const fetch: typeof globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push(`${String(url)} ${JSON.stringify(init?.headers ?? {})}`);
    await new Promise((r) => setTimeout(r, 5));
    if (opts.fail) throw new TypeError("network down");
    if (opts.status) return new Response("{}", { status: opts.status });
    if (opts.body !== undefined) return new Response(JSON.stringify(opts.body), { status: 200 });
    const u = new URL(String(url));
    const refs = u.searchParams.get("refs");
    if (u.pathname === "/v1/rulesets" && refs !== null) {
      const items = refs.split(",").map((ref) => {
        const found = find(ref);
        return found ? { ref, meta: { id: found.id, version: found.version }, ruleSet: found } : { ref, error: { code: "not_found", message: "未找到", messageEn: "Not found" } };
      });
      return new Response(JSON.stringify({ items }), { status: 200 });
    }
    const found = find(decodeURIComponent(/\/v1\/rulesets\/([^/]+)$/.exec(u.pathname)![1]!));
    return found ? new Response(JSON.stringify(found), { status: 200 }) : new Response("not found", { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("RuleSetLoader", () => {
  it("answers the built-in default synchronously, offline, under every spelling", () => {
    const loader = new RuleSetLoader(new RuleSetCache());
    for (const name of [null, undefined, "", "default", "DEFAULT", "default@1"]) {
      expect(loader.resolve(name)).toEqual({ kind: "ready", ruleSet: DEFAULT_RULE_SET });
    }
  });

  it("refuses unknown names at once when no Worker is configured", () => {
    const r = new RuleSetLoader(new RuleSetCache()).resolve("default@2");
    expect(r.kind).toBe("failed");
    if (r.kind === "failed") expect(r.error.message).toContain("未知规则集 default@2");
    const bad = new RuleSetLoader(new RuleSetCache()).resolve("规则");
    expect(bad.kind === "failed" && bad.error.problem).toBe("unknown");
  });

  it("makes one request for 10,000 concurrent resolutions of one uncached rule set", async () => {
    const worker = fakeWorker([acme(1)]);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test/", token: "t0k", fetch: worker.fetch });
    const pending = Array.from({ length: 10_000 }, () => loader.resolve("acme@1"));
    expect(pending.every((p) => p.kind === "pending")).toBe(true);
    const results = await Promise.all(pending.map((p) => (p.kind === "pending" ? p.promise : null)));
    expect(worker.calls).toHaveLength(1);
    expect(worker.calls[0]).toContain("https://rules.test/v1/rulesets/acme@1");
    expect(worker.calls[0]).toContain("Bearer t0k");
    expect(results.every((r) => r?.title === "acme v1")).toBe(true);
    // and afterwards it is cached: synchronous, still one request
    expect(loader.resolve("acme@1").kind).toBe("ready");
    expect(loader.requestCount).toBe(1);
  });

  it("fetches each distinct id@version once, the distinct names of one turn in one batched request", async () => {
    const worker = fakeWorker([acme(1), acme(2)]);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: worker.fetch });
    const names = Array.from({ length: 3000 }, (_, i) => ["acme@1", "acme@2", "ACME@2"][i % 3]!);
    await Promise.all(names.map((n) => loader.resolve(n)).map((r) => (r.kind === "pending" ? r.promise : r)));
    expect(worker.calls).toHaveLength(1);
    expect(worker.calls[0]).toContain("https://rules.test/v1/rulesets?refs=acme@1,acme@2 ");
    // an unpinned name now means the newest cached version
    const latest = loader.resolve("acme");
    expect(latest.kind === "ready" && latest.ruleSet.version).toBe(2);
  });

  it("remembers a 404 so a sheet of unknown names costs one request", async () => {
    const worker = fakeWorker([]);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: worker.fetch });
    const first = loader.resolve("nobody@3");
    await expect(first.kind === "pending" ? first.promise : null).rejects.toThrow("未知规则集 nobody@3");
    const again = loader.resolve("nobody@3");
    expect(again.kind).toBe("failed");
    expect(worker.calls).toHaveLength(1);
  });

  it("reports an unreachable service as unavailable and retries only after a pause", async () => {
    let now = 0;
    const worker = fakeWorker([acme(1)], { fail: true });
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: worker.fetch, retryAfterMs: 1000, now: () => now });
    const r = loader.resolve("acme@1");
    await expect(r.kind === "pending" ? r.promise : null).rejects.toMatchObject({ problem: "unavailable" });
    expect(loader.resolve("acme@1").kind).toBe("failed");
    now = 2000;
    const retry = loader.resolve("acme@1");
    expect(retry.kind).toBe("pending");
    await expect(retry.kind === "pending" ? retry.promise : null).rejects.toMatchObject({ problem: "unavailable" });
    expect(worker.calls).toHaveLength(2);
  });

  it("3 different refs in one recalculation → 1 request; each caller gets its own rule set", async () => {
    const beta = { ...DEFAULT_RULE_SET, id: "beta", version: 3, title: "beta v3" };
    const worker = fakeWorker([acme(1), beta, DEFAULT_RULE_SET, { ...DEFAULT_RULE_SET, version: 2, title: "default v2" }]);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", token: "t0k", fetch: worker.fetch });
    // one recalculation: cells call back to back, the built-in default@1 stays synchronous
    const names = Array.from({ length: 900 }, (_, i) => ["acme@1", "beta@3", "default@2", "default@1"][i % 4]!);
    const answers = names.map((n) => loader.resolve(n));
    expect(answers[3]!.kind).toBe("ready");
    const sets = await Promise.all(answers.map((a) => (a.kind === "pending" ? a.promise : a.kind === "ready" ? a.ruleSet : null)));
    expect(worker.calls).toHaveLength(1);
    expect(loader.requestCount).toBe(1);
    expect(worker.calls[0]).toContain("https://rules.test/v1/rulesets?refs=acme@1,beta@3,default@2");
    expect(worker.calls[0]).toContain("Bearer t0k");
    expect(sets.slice(0, 4).map((s) => `${s?.id}@${s?.version} ${s?.title}`)).toEqual(["acme@1 acme v1", "beta@3 beta v3", "default@2 default v2", `default@1 ${DEFAULT_RULE_SET.title}`]);
    // cached afterwards: synchronous, no new request
    for (const n of ["acme@1", "beta@3", "default@2"]) expect(loader.resolve(n).kind).toBe("ready");
    expect(worker.calls).toHaveLength(1);
  });

  it("a batch with unknown refs: those fail as unknown (and are remembered), the rest load", async () => {
    const worker = fakeWorker([acme(1)]);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: worker.fetch });
    const [a, g] = [loader.resolve("acme@1"), loader.resolve("ghost@2")];
    await expect(a.kind === "pending" ? a.promise : null).resolves.toMatchObject({ id: "acme", version: 1 });
    await expect(g.kind === "pending" ? g.promise : null).rejects.toMatchObject({ problem: "unknown", message: "未知规则集 ghost@2 / unknown rule set ghost@2" });
    expect(loader.resolve("ghost@2").kind).toBe("failed");
    expect(worker.calls).toHaveLength(1);
  });

  it("a failed batch fails each of its names as unavailable, then retries them together after the pause", async () => {
    let now = 0;
    const down = fakeWorker([], { status: 503 });
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: down.fetch, retryAfterMs: 1000, now: () => now });
    const rs = ["acme@1", "beta@1"].map((n) => loader.resolve(n));
    for (const r of rs) await expect(r.kind === "pending" ? r.promise : null).rejects.toMatchObject({ problem: "unavailable" });
    expect(loader.resolve("beta@1").kind).toBe("failed");
    const up = fakeWorker([acme(1), { ...acme(1), id: "beta" }]);
    loader.configure({ fetch: up.fetch });
    now = 2000;
    const again = ["acme@1", "beta@1"].map((n) => loader.resolve(n));
    await Promise.all(again.map((r) => (r.kind === "pending" ? r.promise : null)));
    expect(down.calls).toHaveLength(1);
    expect(up.calls).toHaveLength(1);
  });

  it("splits more than MAX_BATCH_REFS distinct names into batches of that size", async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...DEFAULT_RULE_SET, id: `r${i}`, version: 1 }));
    const worker = fakeWorker(many);
    const loader = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: worker.fetch });
    const all = many.map((m) => loader.resolve(`${m.id}@1`));
    await Promise.all(all.map((r) => (r.kind === "pending" ? r.promise : null)));
    expect(worker.calls).toHaveLength(3); // 50 + 50 + 20
  });

  it("rejects an invalid body and a body for another rule set", async () => {
    const broken = fakeWorker([], { body: { ...acme(1), dues: "nope" } });
    const l1 = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: broken.fetch });
    const r1 = l1.resolve("acme@1");
    await expect(r1.kind === "pending" ? r1.promise : null).rejects.toMatchObject({ problem: "invalid" });

    const other = fakeWorker([], { body: { ruleSet: acme(7) } });
    const l2 = new RuleSetLoader(new RuleSetCache(), { baseUrl: "https://rules.test", fetch: other.fetch });
    const r2 = l2.resolve("acme@1");
    await expect(r2.kind === "pending" ? r2.promise : null).rejects.toThrow("服务返回 acme@7");
  });
});

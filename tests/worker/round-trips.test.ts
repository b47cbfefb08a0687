import { describe, expect, it } from "vitest";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import * as XLSX from "@e965/xlsx";
import { app } from "../../functions/app.js";
import { BASE, cleanGrid, HEADER, makeTenant, openCollection, storeRows } from "./helpers.js";

/**
 * What one submission costs in storage round trips, counted by wrapping the bindings the Worker
 * gets (D1, the tenant stores' namespace, R2) and sending the request through the app itself.
 * Bound (issue 13): at most one D1 call (the token), one call to the department's store, and the
 * R2 puts side by side; nothing asked of R2 before or after.
 */
interface Counts {
  d1: string[];
  store: string[];
  r2: string[];
  /** put start/end events in order, to see that the puts overlap */
  puts: string[];
}

function watchedEnv(vars: Record<string, string>) {
  const counts: Counts = { d1: [], store: [], r2: [], puts: [] };
  const d1 = new Proxy(env.DB, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (prop === "batch" || prop === "exec") return (...a: unknown[]) => (counts.d1.push(String(prop)), (v as (...x: unknown[]) => unknown).apply(target, a));
      if (prop !== "prepare") return typeof v === "function" ? v.bind(target) : v;
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const wrap = (s: D1PreparedStatement): D1PreparedStatement =>
          new Proxy(s, {
            get(t, p) {
              const f = Reflect.get(t, p, t);
              if (p === "bind") return (...args: unknown[]) => wrap(t.bind(...args));
              if (["first", "all", "run", "raw"].includes(String(p))) return (...args: unknown[]) => (counts.d1.push(`${String(p)}: ${sql.replace(/\s+/g, " ").slice(0, 60)}`), (f as (...x: unknown[]) => unknown).apply(t, args));
              return typeof f === "function" ? f.bind(t) : f;
            },
          });
        return wrap(stmt);
      };
    },
  });
  const ledger = new Proxy(env.LEDGER, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (prop !== "getByName" && prop !== "get") return typeof v === "function" ? v.bind(target) : v;
      return (...args: unknown[]) => {
        const stub = (v as (...x: unknown[]) => object).apply(target, args);
        // RPC stubs are proxies themselves: only calls are counted, each made on the stub as usual.
        return new Proxy({}, {
          get(_, method) {
            return (...a: unknown[]) => {
              counts.store.push(String(method));
              return (stub as Record<string, (...x: unknown[]) => unknown>)[method as string]!(...a);
            };
          },
        });
      };
    },
  });
  const blobs = new Proxy(env.BLOBS, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (typeof v !== "function") return v;
      return async (...a: unknown[]) => {
        counts.r2.push(String(prop));
        if (prop === "put") counts.puts.push(`start ${String(a[0]).split("/")[1]}`);
        const res = await (v as (...x: unknown[]) => Promise<unknown>).apply(target, a);
        if (prop === "put") counts.puts.push(`end ${String(a[0]).split("/")[1]}`);
        return res;
      };
    },
  });
  return { env: { ...env, ...vars, DB: d1, LEDGER: ledger, BLOBS: blobs } as typeof env, counts };
}

/** Bodies over SMALL_BLOB_MAX_BYTES go to R2; "0" sends every body there (a large ledger's path). */
const ALL_IN_R2 = { SMALL_BLOB_MAX_BYTES: "0" };

async function send(path: string, init: RequestInit, vars: Record<string, string> = {}) {
  const { env: watched, counts } = watchedEnv(vars);
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), watched, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx); // background work (a token's last-used time) counts too
  return { status: res.status, text, counts };
}

const rosterOf = (name: string) => {
  const g = cleanGrid();
  g.sheets[0]!.values[1]![0] = name;
  return g;
};

/** Both puts started before either finished: they ran side by side. */
const overlapping = (events: string[]) => events.filter((e) => e.startsWith("start")).length === 2 && events.slice(0, 2).every((e) => e.startsWith("start"));

describe("storage round trips per submission", () => {
  const postGrid = (col: string, clerk: string, vars: Record<string, string> = {}) => (name: string, key: string) =>
    send(
      `/v1/collections/${col}/submissions`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${clerk}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ grid: rosterOf(name), asOf: "2025-12-01" }),
      },
      vars,
    );

  it("grid JSON of a branch's size: every later one is one call to the store, which keeps its bodies; no R2 call at all", async () => {
    const t = await makeTenant("trips-small", 1);
    const col = await openCollection(t);
    const post = postGrid(col, t.branches[0]!.token);

    const cold = await post("张三", "trip-1");
    expect(cold.status, cold.text).toBe(201);
    expect(cold.counts.d1.map((s) => s.split(":")[0])).toEqual(["first", "run"]);
    expect(cold.counts.store).toEqual(["collection", "commitSubmission"]);
    // only the collection's template, read once (then kept)
    expect(cold.counts.r2).toEqual(["get"]);
    let answered = "";
    for (const [i, name] of ["李四", "王五"].entries()) {
      const warm = await post(name, `trip-${i + 2}`);
      expect(warm.status, warm.text).toBe(201);
      expect(warm.counts.d1).toEqual([]);
      expect(warm.counts.store).toEqual(["commitSubmission"]);
      expect(warm.counts.r2).toEqual([]);
      expect(JSON.parse(warm.text).version).toBe(i + 2);
      answered = warm.text;
    }
    // a retry with the same key: answered as the first time, from the row and the report the store kept
    const retry = await post("王五", "trip-3");
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(answered);
    expect(retry.counts.store).toEqual(["commitSubmission", "smallBlobs"]);
    expect(retry.counts.r2).toEqual([]);
    // and what was kept reads back as sent
    const id = JSON.parse(retry.text).id as string;
    const back = await send(`/v1/submissions/${id}?include=grid`, { headers: { authorization: `Bearer ${t.admin}` } });
    expect(back.status, back.text).toBe(200);
    expect(JSON.parse(back.text).grid).toEqual(rosterOf("王五"));
  });

  it("grid JSON over the size the store keeps: one call to the store and two puts side by side", async () => {
    const t = await makeTenant("trips", 1);
    const col = await openCollection(t);
    const post = postGrid(col, t.branches[0]!.token, ALL_IN_R2);

    const cold = await post("张三", "trip-1");
    expect(cold.status, cold.text).toBe(201);
    // first request of this token in this isolate: read it, note its last use (once a minute)
    expect(cold.counts.d1.map((s) => s.split(":")[0])).toEqual(["first", "run"]);
    expect(cold.counts.store).toEqual(["collection", "commitSubmission"]);
    // the collection's template read once (then kept), then the two puts
    expect(cold.counts.r2).toEqual(["get", "put", "put"]);

    for (const [i, name] of ["李四", "王五", "赵六"].entries()) {
      const warm = await post(name, `trip-${i + 2}`);
      expect(warm.status, warm.text).toBe(201);
      expect(warm.counts.d1, "no D1 call at all: the token comes from the isolate's cache, its last use was noted under a minute ago").toEqual([]);
      expect(warm.counts.store).toEqual(["commitSubmission"]);
      expect(warm.counts.r2).toEqual(["put", "put"]);
      expect(overlapping(warm.counts.puts), warm.counts.puts.join(", ")).toBe(true);
      expect(JSON.parse(warm.text).version).toBe(i + 2);
    }
    // a retry with the same key: the same one call, answered from what was stored (one read of the report)
    const retry = await post("赵六", "trip-4");
    expect(retry.status).toBe(201);
    expect(retry.counts.store).toEqual(["commitSubmission"]);
    expect(retry.counts.r2.filter((x) => x !== "put")).toEqual(["get"]);
  });

  it("a store whose budget for small bodies is spent puts them in R2 instead: one more call, nothing lost", async () => {
    const t = await makeTenant("trips-full", 1);
    const col = await openCollection(t);
    const post = postGrid(col, t.branches[0]!.token, { SMALL_BLOB_BUDGET_BYTES: "100" });
    expect((await post("张三", "full-1")).status).toBe(201);
    const full = await post("李四", "full-2");
    expect(full.status, full.text).toBe(201);
    expect(full.counts.store).toEqual(["commitSubmission", "commitSubmission"]);
    expect(full.counts.r2).toEqual(["put", "put"]);
    const s = JSON.parse(full.text) as { id: string; contentSha256: string; findingsSha256: string };
    expect(await env.BLOBS.head(`${t.deptId}/grids/${s.contentSha256}.json`)).not.toBeNull();
    expect(await env.BLOBS.head(`${t.deptId}/findings/${s.findingsSha256}.json`)).not.toBeNull();
    const back = await send(`/v1/submissions/${s.id}?include=grid`, { headers: { authorization: `Bearer ${t.admin}` } });
    expect(JSON.parse(back.text).grid).toEqual(rosterOf("李四"));
  });

  const uploadTo = (col: string, clerk: string, vars: Record<string, string>) => (name: string) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, ["张三", "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", name]]), "花名册");
    return send(
      `/v1/collections/${col}/submissions/xlsx?asOf=2025-12-01`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${clerk}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        body: new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer),
      },
      vars,
    );
  };

  it("an .xlsx upload of a branch's size: one call to the store, which keeps the file and the report; no grid beside the file", async () => {
    const t = await makeTenant("trips-xs", 1);
    const col = await openCollection(t);
    const upload = uploadTo(col, t.branches[0]!.token, {});
    expect((await upload("1981-07-01")).status).toBe(201);
    const warm = await upload("1981-07-02");
    expect(warm.status, warm.text).toBe(201);
    expect(warm.counts.store).toEqual(["commitSubmission"]);
    expect(warm.counts.r2).toEqual([]);
    const kept = await storeRows<{ blob_key: string }>(t.deptId, "SELECT blob_key FROM small_blobs ORDER BY blob_key");
    expect(kept.map((r) => r.blob_key.split("/")[1]).sort()).toEqual(["files", "files", "findings", "findings"]);
    expect((await env.BLOBS.list({ prefix: `${t.deptId}/grids/` })).objects).toHaveLength(0);
  });

  it("an .xlsx upload over the size the store keeps: one call to the store, the file and the report put side by side, no grid stored beside the file", async () => {
    const t = await makeTenant("trips-x", 1);
    const col = await openCollection(t);
    const upload = uploadTo(col, t.branches[0]!.token, ALL_IN_R2);
    expect((await upload("1981-07-01")).status).toBe(201);
    const warm = await upload("1981-07-02");
    expect(warm.status, warm.text).toBe(201);
    expect(warm.counts.d1).toEqual([]);
    expect(warm.counts.store).toEqual(["commitSubmission"]);
    expect(warm.counts.r2).toEqual(["put", "put"]);
    expect(overlapping(warm.counts.puts)).toBe(true);
    expect(warm.counts.puts.filter((e) => e.startsWith("start")).map((e) => e.slice(6)).sort()).toEqual(["files", "findings"]);
    const listed = await env.BLOBS.list({ prefix: `${t.deptId}/grids/` });
    expect(listed.objects).toHaveLength(0);
  });

  it("a token's last use is written at most once a minute, not on every request", async () => {
    const t = await makeTenant("trips-touch", 1);
    const col = await openCollection(t);
    const clerk = t.branches[0]!.token;
    let touches = 0;
    for (let i = 0; i < 5; i++) {
      const r = await send(`/v1/collections/${col}`, { headers: { authorization: `Bearer ${clerk}` } });
      expect(r.status).toBe(200);
      touches += r.counts.d1.filter((s) => s.includes("UPDATE api_tokens")).length;
    }
    expect(touches).toBe(1);
  });
});

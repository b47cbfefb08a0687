import { describe, expect, it } from "vitest";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../functions/index.js";
import { app } from "../../functions/app.js";
import { WRITTEN_AT } from "../../functions/lib/blobs.js";
import { canonicalJson, sha256Hex } from "../../functions/lib/hash.js";
import { sweepOrphanBlobs, SWEEP_GRACE_MS } from "../../functions/lib/sweep.js";
import { BASE, call, cleanGrid, makeTenant, openCollection, roster, storeRows } from "./helpers.js";

const MIN = 60_000;
const hex = () => [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");

/** An object as a killed request would have left it; `ageMs` back-dates its write time. */
async function orphan(key: string, ageMs = 0, body = '{"orphan":true}') {
  const customMetadata: Record<string, string> = { sha256: key.split("/")[2]!.split(".")[0]! };
  if (ageMs > 0) customMetadata[WRITTEN_AT] = String(Date.now() - ageMs);
  await env.BLOBS.put(key, body, { customMetadata });
  return key;
}
const exists = async (key: string) => (await env.BLOBS.head(key)) !== null;

/** Every R2 key the rows of one organisation (a tenant's root) reference, from its store. */
async function referencedByRows(orgId: string) {
  const subs = await storeRows<{ g: string; f: string; x: string | null }>(orgId, "SELECT grid_sha256 g, findings_sha256 f, file_sha256 x FROM submissions WHERE org_id = ?", orgId);
  const pubs = await storeRows<{ r2_key: string }>(orgId, "SELECT r2_key FROM published_versions WHERE org_id = ?", orgId);
  return [
    // a grid sent as JSON is stored as its body (grids/); an uploaded file is its own grid (files/)
    ...subs.flatMap((s) => [s.x ? `${orgId}/files/${s.x}.xlsx` : `${orgId}/grids/${s.g}.json`, `${orgId}/findings/${s.f}.json`]),
    ...pubs.map((p) => p.r2_key),
  ];
}

/**
 * A request through the Worker whose R2 is watched: `afterPut(key, created)` runs right after each
 * put, before the request goes on (to its commit). What a sweep running at that moment would do.
 */
async function fetchWatchingPuts(path: string, init: RequestInit, afterPut: (key: string, created: boolean) => Promise<void>) {
  const blobs = new Proxy(env.BLOBS, {
    get(target, prop) {
      if (prop !== "put") return Reflect.get(target, prop, target);
      return async (key: string, ...rest: Parameters<R2Bucket["put"]> extends [string, ...infer R] ? R : never) => {
        const res = await target.put(key, ...rest);
        await afterPut(key, res !== null);
        return res;
      };
    },
  });
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), { ...env, ...R2_ONLY, BLOBS: blobs }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Every body of a submission in R2, none kept in the department's store: R2's orphans are what the sweep is about. */
const R2_ONLY = { SMALL_BLOB_MAX_BYTES: "0" };

/** A submission whose bodies all go to R2. */
async function submitToR2(path: string, token: string, body: string, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body }), { ...env, ...R2_ONLY }, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

describe("orphan-blob sweep", () => {
  it("deletes old unreferenced blobs; referenced blobs, young orphans and foreign keys stay", async () => {
    const t = await makeTenant("sweep", 1);
    const col = await openCollection(t);
    const sub = await submitToR2(`/v1/collections/${col}/submissions`, t.branches[0]!.token, JSON.stringify({ grid: cleanGrid(), asOf: "2025-12-01" }));
    expect(sub.status, sub.text).toBe(201);
    const referenced = await referencedByRows(t.deptId);
    expect(referenced.length).toBe(3); // template, grid, findings
    const d = t.deptId;
    const old = [
      await orphan(`${d}/grids/${hex()}.json`, SWEEP_GRACE_MS + MIN),
      await orphan(`${d}/findings/${hex()}.json`, SWEEP_GRACE_MS + MIN),
      await orphan(`${d}/files/${hex()}.xlsx`, 3 * 3600_000),
      await orphan(`${d}/template/${hex()}.json`, SWEEP_GRACE_MS + MIN),
      await orphan(`${d}/ruleset/${hex()}.json`, SWEEP_GRACE_MS + MIN),
    ];
    const young = await orphan(`${d}/grids/${hex()}.json`, SWEEP_GRACE_MS - MIN);
    const fresh = await orphan(`${d}/findings/${hex()}.json`);
    const foreign = `${d}/notes/readme.txt`;
    await env.BLOBS.put(foreign, "not ours", { customMetadata: { [WRITTEN_AT]: "1" } });

    const first = await sweepOrphanBlobs(env, { prefix: `${d}/` });
    expect(first.deleted.sort()).toEqual([...old].sort());
    expect(first.next).toBeNull();
    expect(first.foreign).toBe(1);
    for (const k of old) expect(await exists(k), k).toBe(false);
    for (const k of [...referenced, young, fresh, foreign]) expect(await exists(k), k).toBe(true);

    // An hour later every blob is old: the orphans go, what rows reference stays.
    const later = await sweepOrphanBlobs(env, { prefix: `${d}/`, now: Date.now() + 3600_000 });
    expect(later.deleted.sort()).toEqual([young, fresh].sort());
    for (const k of [...referenced, foreign]) expect(await exists(k), k).toBe(true);
    // and the stored submission still reads back whole
    const again = await call(`/v1/submissions/${sub.json.id}?include=grid`, { token: t.admin });
    expect(again.status, again.text).toBe(200);
    expect(again.json.grid).toEqual(cleanGrid());
  });

  it("is bounded per run and resumes after the last key it looked at", async () => {
    const d = "sweep-pages";
    const keys = await Promise.all(Array.from({ length: 7 }, () => orphan(`${d}/grids/${hex()}.json`, SWEEP_GRACE_MS + MIN)));
    let startAfter: string | undefined;
    const deleted: string[] = [];
    let runs = 0;
    do {
      const r = await sweepOrphanBlobs(env, { prefix: `${d}/`, maxObjects: 3, startAfter });
      expect(r.scanned).toBeLessThanOrEqual(3);
      deleted.push(...r.deleted);
      startAfter = r.next ?? undefined;
      runs++;
    } while (startAfter && runs < 10);
    expect(runs).toBe(3);
    expect(deleted.sort()).toEqual([...keys].sort());
  });

  it("looks references up in batches within SQLite's 100-parameter limit", async () => {
    const d = "sweep-many";
    const keys = await Promise.all(Array.from({ length: 230 }, (_, i) => orphan(`${d}/${i % 2 ? "grids" : "findings"}/${hex()}.json`, SWEEP_GRACE_MS + MIN)));
    const r = await sweepOrphanBlobs(env, { prefix: `${d}/` });
    expect(r.scanned).toBe(230);
    expect(r.deleted.length).toBe(keys.length);
  });

  it("keeps an old orphan that a later publication reuses (same content, same key)", async () => {
    const t = await makeTenant("sweep-reuse", 1);
    const doc = { ...roster(), id: "reused", title: "复用的模板" };
    const { version: _v, ...content } = doc;
    const text = canonicalJson(content);
    const key = `${t.deptId}/template/${await sha256Hex(text)}.json`;
    await orphan(key, SWEEP_GRACE_MS + MIN, text);
    const pub = await call("/v1/templates", { token: t.admin, body: doc });
    expect(pub.status, pub.text).toBe(201);
    const r = await sweepOrphanBlobs(env, { prefix: `${t.deptId}/` });
    expect(r.deleted).toEqual([]);
    const got = await call(`/v1/templates/reused@1`, { token: t.admin });
    expect(got.status, got.text).toBe(200);
    expect(got.json.template.title).toBe("复用的模板");
  });

  it("a publication that found its body already there, then lost it to the sweep before its commit, puts it back", async () => {
    const t = await makeTenant("sweep-race", 1);
    const doc = { ...roster(), id: "raced", title: "竞争" };
    const { version: _v, ...content } = doc;
    const text = canonicalJson(content);
    const key = `${t.deptId}/template/${await sha256Hex(text)}.json`;
    await orphan(key, SWEEP_GRACE_MS + MIN, text);
    let swept: string[] = [];
    const res = await fetchWatchingPuts("/v1/templates", { method: "POST", headers: { authorization: `Bearer ${t.admin}`, "content-type": "application/json" }, body: JSON.stringify(doc) }, async (k, created) => {
      // the put found the old orphan (nothing written); the sweep deletes it before the row commits
      if (k === key && !created) swept = (await sweepOrphanBlobs(env, { prefix: `${t.deptId}/template/` })).deleted;
    });
    expect(res.status).toBe(201);
    expect(swept).toEqual([key]);
    const back = await env.BLOBS.get(key);
    expect(await back?.text()).toBe(text);
    const got = await call(`/v1/templates/raced@1`, { token: t.admin });
    expect(got.status, got.text).toBe(200);
    expect(got.json.template.title).toBe("竞争");
    // now referenced: a later sweep keeps it
    expect((await sweepOrphanBlobs(env, { prefix: `${t.deptId}/`, now: Date.now() + 3600_000 })).deleted).toEqual([]);
  });

  it("a submission that reused an orphaned grid and report, swept before its commit, puts both back", async () => {
    const t = await makeTenant("sweep-race-sub", 1);
    const col = await openCollection(t);
    const clerk = t.branches[0]!.token;
    const body = JSON.stringify({ grid: cleanGrid(), asOf: "2025-12-01" });
    // the same ledger submitted once and its blobs orphaned: what a killed twin leaves behind
    const first = await submitToR2(`/v1/collections/${col}/submissions`, clerk, body, { "idempotency-key": "race-1" });
    expect(first.status).toBe(201);
    const gridKey = `${t.deptId}/grids/${first.json.contentSha256}.json`;
    const reportKey = `${t.deptId}/findings/${first.json.findingsSha256}.json`;
    await storeRows(t.deptId, "DELETE FROM submissions");
    for (const k of [gridKey, reportKey]) {
      const obj = await env.BLOBS.get(k);
      await orphan(k, SWEEP_GRACE_MS + MIN, await obj!.text());
    }
    const swept = new Set<string>();
    const res = await fetchWatchingPuts(`/v1/collections/${col}/submissions`, { method: "POST", headers: { authorization: `Bearer ${clerk}`, "content-type": "application/json", "idempotency-key": "race-2" }, body }, async (k, created) => {
      if (!created && (k === gridKey || k === reportKey)) for (const d of (await sweepOrphanBlobs(env, { prefix: `${t.deptId}/` })).deleted) swept.add(d);
    });
    expect(res.status).toBe(201);
    expect([...swept].sort()).toEqual([gridKey, reportKey].sort());
    const stored = (await res.json()) as { id: string };
    const again = await call(`/v1/submissions/${stored.id}?include=grid`, { token: t.admin });
    expect(again.status, again.text).toBe(200);
    expect(again.json.grid).toEqual(cleanGrid());
  });

  it("runs from the cron trigger (scheduled handler) and the dev route is off by default", async () => {
    const gone = await orphan(`sweep-cron/grids/${hex()}.json`, SWEEP_GRACE_MS + MIN);
    const stays = await orphan(`sweep-cron/grids/${hex()}.json`);
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" }), env);
    expect(await exists(gone)).toBe(false);
    expect(await exists(stays)).toBe(true);
    // the walk reached the end of this small bucket: the next run starts over
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM maintenance_state").first("n")).toBe(0);

    const r = await call("/v1/_sweep?graceSeconds=0", { method: "POST", headers: { "x-seed-secret": "x" } });
    expect(r.status).toBe(404);
    expect(await exists(stays)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { call, cleanGrid, gridWithErrors, makeTenant, openCollection, roster, storeCount, storeRows } from "./helpers.js";

describe("versions and idempotency under concurrency", () => {
  it("20 concurrent publishes get versions 1..20, no gap, no repeat", async () => {
    const t = await makeTenant("conc", 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call("/v1/templates", { token: t.admin, body: { ...roster(), id: "race", title: `版本 ${i}` } })),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    const versions = results.map((r) => r.json.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const list = await call("/v1/templates/race/versions", { token: t.admin });
    expect(list.json.items.map((v: { version: number }) => v.version)).toEqual(versions);
    // each version keeps its own content
    for (const r of results) {
      const got = await call(`/v1/templates/race@${r.json.version}`, { token: t.admin });
      expect(got.json.template.title).toBe(r.json.title);
      expect(got.json.meta.sha256).toBe(r.json.sha256);
    }
  });

  it("a published body cannot be overwritten; reads are immutable with ETag/304", async () => {
    const t = await makeTenant("immu", 1);
    const v1 = await call("/v1/templates", { token: t.admin, body: roster() });
    const first = await call(`/v1/templates/roster@1`, { token: t.branches[0]!.token });
    expect(first.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    const etag = first.headers.get("etag")!;
    expect(etag).toContain(v1.json.sha256);
    // create-only put on the content address refuses a second write
    const [row] = await storeRows<{ r2_key: string }>(t.deptId, "SELECT r2_key FROM published_versions WHERE org_id = ? AND doc_id = 'roster' AND version = 1", t.deptId);
    const again = await env.BLOBS.put(row!.r2_key, '{"evil":true}', { onlyIf: { etagDoesNotMatch: "*" } });
    expect(again).toBeNull();
    // there is no route that updates a version in place
    const put = await call(`/v1/templates/roster@1`, { method: "PUT", token: t.admin, body: roster() });
    expect([404, 405]).toContain(put.status);
    // publishing changed content makes version 2; version 1 is byte-for-byte the same
    const changed = { ...roster(), title: "党员花名册（新）" };
    const v2 = await call("/v1/templates", { token: t.admin, body: changed });
    expect(v2.json.version).toBe(2);
    const reread = await call(`/v1/templates/roster@1`, { token: t.admin });
    expect(reread.text).toBe(first.text);
    expect(reread.headers.get("etag")).toBe(etag);
    const cond = await call(`/v1/templates/roster@1`, { token: t.admin, headers: { "if-none-match": etag } });
    expect(cond.status).toBe(304);
    // "latest" moved on: short cache, new ETag
    const latest = await call(`/v1/templates/roster`, { token: t.admin, headers: { "if-none-match": etag } });
    expect(latest.status).toBe(200);
    expect(latest.json.meta.version).toBe(2);
    expect(latest.headers.get("cache-control")).toContain("max-age=30");
    // same content → same blob (content-addressed)
    const v3 = await call("/v1/templates", { token: t.admin, body: roster() });
    expect(v3.json.version).toBe(3);
    expect(v3.json.sha256).toBe(v1.json.sha256);
  });

  it("50 concurrent retries with one Idempotency-Key store one submission; replays equal the first", async () => {
    const t = await makeTenant("idem", 1);
    const col = await openCollection(t);
    const token = t.branches[0]!.token;
    const send = () =>
      call(`/v1/collections/${col}/submissions`, { token, body: { grid: gridWithErrors(), asOf: "2025-12-01" }, headers: { "idempotency-key": "same-key-1" } });
    const results = await Promise.all(Array.from({ length: 50 }, send));
    for (const r of results) expect(r.status, r.text).toBe(201);
    const ids = new Set(results.map((r) => r.json.id));
    expect(ids.size).toBe(1);
    for (const r of results) expect(r.json).toEqual(results[0]!.json);
    const later = await send();
    expect(later.status).toBe(201);
    expect(later.json).toEqual(results[0]!.json);
    expect(later.text).toBe(results[0]!.text);
    expect(later.headers.get("idempotent-replayed")).toBe("true");
    expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions WHERE collection_id = ?", col)).toBe(1);
    // same key, other body → 409
    const other = await call(`/v1/collections/${col}/submissions`, { token, body: { grid: cleanGrid(), asOf: "2025-12-01" }, headers: { "idempotency-key": "same-key-1" } });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    // a new key → version 2
    const v2 = await call(`/v1/collections/${col}/submissions`, { token, body: { grid: cleanGrid(), asOf: "2025-12-01" }, headers: { "idempotency-key": "same-key-2" } });
    expect(v2.status).toBe(201);
    expect(v2.json.version).toBe(2);
  });

  it("concurrent resubmissions with different keys get consecutive versions", async () => {
    const t = await makeTenant("resub", 1);
    const col = await openCollection(t);
    const token = t.branches[0]!.token;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const g = cleanGrid();
        g.sheets[0]!.values[1]![0] = `张三${i}`;
        return call(`/v1/collections/${col}/submissions`, { token, body: { grid: g, asOf: "2025-12-01" }, headers: { "idempotency-key": `k${i}` } });
      }),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(results.map((r) => r.json.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("across departments: each in its own store", () => {
  it("two departments publishing 20 versions each at once both get 1..20", async () => {
    const [a, b] = await Promise.all([makeTenant("conc-a", 1), makeTenant("conc-b", 1)]);
    const results = await Promise.all(
      [a, b].flatMap((t) => Array.from({ length: 20 }, (_, i) => call("/v1/templates", { token: t.admin, body: { ...roster(), id: "race", title: `${t.deptId} ${i}` } }).then((r) => ({ t, r })))),
    );
    for (const t of [a, b]) {
      const mine = results.filter((x) => x.t === t);
      for (const { r } of mine) expect(r.status, r.text).toBe(201);
      expect(mine.map(({ r }) => r.json.version as number).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM published_versions WHERE doc_id = 'race'")).toBe(20);
    }
  });

  it("50 concurrent retries in each of two departments store one submission in each, in its own store", async () => {
    const [a, b] = await Promise.all([makeTenant("idem-a", 1), makeTenant("idem-b", 1)]);
    const [colA, colB] = await Promise.all([openCollection(a), openCollection(b)]);
    const send = (t: typeof a, col: string) =>
      call(`/v1/collections/${col}/submissions`, { token: t.branches[0]!.token, body: { grid: gridWithErrors(), asOf: "2025-12-01" }, headers: { "idempotency-key": "same-key" } });
    const results = await Promise.all([...Array.from({ length: 50 }, () => send(a, colA)), ...Array.from({ length: 50 }, () => send(b, colB))]);
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(new Set(results.slice(0, 50).map((r) => r.json.id)).size).toBe(1);
    expect(new Set(results.slice(50).map((r) => r.json.id)).size).toBe(1);
    expect(results[0]!.json.id).not.toBe(results[50]!.json.id);
    for (const t of [a, b]) expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions")).toBe(1);
    // each department's store holds its own rows only
    expect(await storeCount(a.deptId, "SELECT COUNT(*) AS n FROM collections WHERE collection_id = ?", colB)).toBe(0);
  });
});

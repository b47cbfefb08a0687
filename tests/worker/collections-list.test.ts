import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../functions/app.js";
import { makeTenant, publishRoster, gridWithErrors, type Tenant } from "./helpers.js";

/**
 * GET /v1/collections: the list the pane's pickers offer (no typing ids), through app.request()
 * with the bindings, and the as-of day every collection carries and judges submissions on.
 */
const req = async (path: string, token: string, init: RequestInit = {}) => {
  const res = await app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers as Record<string, string>) } }, env);
  return { status: res.status, body: (await res.json()) as { items: { id: string; title: string; period: string; asOf: string; status: string; branchIds?: string[] }[] } & Record<string, unknown> };
};

let t: Tenant;
let other: Tenant;
const ids: Record<string, string> = {};
// Today in UTC+8, written out here rather than taken from the Worker's helper.
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function open(tenant: Tenant, title: string, period: string, branches: string[]) {
  const r = await req("/v1/collections", tenant.admin, {
    method: "POST",
    body: JSON.stringify({ title, template: { id: "roster" }, period, dueAt: "2099-12-31", branchIds: branches }),
  });
  expect(r.status).toBe(201);
  return (r.body as unknown as { id: string }).id;
}

beforeAll(async () => {
  t = await makeTenant("clist", 2);
  other = await makeTenant("clist-other", 1);
  await publishRoster(t.admin);
  await publishRoster(other.admin);
  ids.past = await open(t, "2024 年度花名册", "2024", [t.branches[0]!.id, t.branches[1]!.id]);
  ids.q1 = await open(t, "2023 年一季度", "2023-Q1", [t.branches[1]!.id]);
  ids.running = await open(t, "本年度花名册", today.slice(0, 4), [t.branches[0]!.id]);
  ids.foreign = await open(other, "别的组织", "2024", [other.branches[0]!.id]);
  const closed = await req(`/v1/collections/${ids.q1}/close`, t.admin, { method: "POST" });
  expect(closed.status).toBe(200);
});

describe("GET /v1/collections", () => {
  it("lists an admin's own collections, none of another organisation's", async () => {
    const r = await req("/v1/collections", t.admin);
    expect(r.status).toBe(200);
    expect(r.body.items.map((c) => c.id).sort()).toEqual([ids.past, ids.q1, ids.running].sort());
    expect(r.body.items.find((c) => c.id === ids.past)).toMatchObject({ title: "2024 年度花名册", period: "2024", status: "open" });
  });

  it("lists a clerk only the collections its branch is asked to submit to", async () => {
    const b1 = await req("/v1/collections", t.branches[0]!.token);
    expect(b1.body.items.map((c) => c.id).sort()).toEqual([ids.past, ids.running].sort());
    const b2 = await req("/v1/collections", t.branches[1]!.token);
    expect(b2.body.items.map((c) => c.id).sort()).toEqual([ids.past, ids.q1].sort());
  });

  it("filters by status", async () => {
    const open = await req("/v1/collections?status=open", t.admin);
    expect(open.body.items.map((c) => c.id).sort()).toEqual([ids.past, ids.running].sort());
    const closed = await req("/v1/collections?status=closed", t.admin);
    expect(closed.body.items.map((c) => c.id)).toEqual([ids.q1]);
    const bad = await req("/v1/collections?status=maybe", t.admin);
    expect(bad.status).toBe(400);
  });

  it("gives each collection its as-of day: the period's last day once past, else today", async () => {
    const r = await req("/v1/collections", t.admin);
    const asOf = Object.fromEntries(r.body.items.map((c) => [c.id, c.asOf]));
    expect(asOf[ids.past!]).toBe("2024-12-31");
    expect(asOf[ids.q1!]).toBe("2023-03-31");
    expect(asOf[ids.running!]).toBe(today);
    const one = await req(`/v1/collections/${ids.past}`, t.branches[0]!.token);
    expect(one.body.asOf).toBe("2024-12-31");
  });

  it("judges a submission that names no day on the collection's as-of day", async () => {
    const r = await app.request(
      `/v1/collections/${ids.past}/submissions`,
      { method: "POST", headers: { authorization: `Bearer ${t.branches[0]!.token}`, "content-type": "application/json" }, body: JSON.stringify({ grid: gridWithErrors() }) },
      env,
    );
    expect(r.status).toBe(201);
    expect(((await r.json()) as { asOf: string }).asOf).toBe("2024-12-31");
    const named = await app.request(
      `/v1/collections/${ids.past}/submissions`,
      { method: "POST", headers: { authorization: `Bearer ${t.branches[0]!.token}`, "content-type": "application/json" }, body: JSON.stringify({ grid: gridWithErrors(), asOf: "2024-06-30" }) },
      env,
    );
    expect(((await named.json()) as { asOf: string }).asOf).toBe("2024-06-30");
  });
});

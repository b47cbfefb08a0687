import { describe, expect, it } from "vitest";
import { call, cleanGrid, makeTenant, roster } from "./helpers.js";

/** 组织部 → 基层党委 → 党支部: admins read their subtree, documents flow down, siblings stay apart. */
describe("organisation tree", () => {
  it("scopes admins to their subtree and resolves documents nearest-first", async () => {
    const t = await makeTenant("tree", 1);
    const SUB = `${t.deptId}.sub`;
    const SUB_B = `${t.deptId}.sub-b`;
    // a 基层党委 under the department, with its own branch and admin
    const sub = await call(`/v1/orgs/${t.deptId}/children`, { token: t.admin, body: { id: "sub", name: "某基层党委", kind: "department" } });
    expect(sub.status).toBe(201);
    expect(sub.json.id).toBe(SUB);
    expect(sub.json.path).toBe(`/${t.deptId}/${SUB}/`);
    const subAdmin = (await call(`/v1/orgs/${SUB}/tokens`, { token: t.admin, body: { label: "sub admin" } })).json.token as string;
    expect((await call(`/v1/orgs/${SUB}/children`, { token: subAdmin, body: { id: SUB_B, name: "下属支部", kind: "branch" } })).status).toBe(201);
    const subClerk = (await call(`/v1/orgs/${SUB_B}/tokens`, { token: subAdmin, body: { label: "clerk" } })).json.token as string;
    // a branch cannot have children; role must fit the kind
    expect((await call(`/v1/orgs/${SUB_B}/children`, { token: subAdmin, body: { id: "x", name: "x", kind: "branch" } })).status).toBe(409);
    expect((await call(`/v1/orgs/${SUB_B}/tokens`, { token: subAdmin, body: { label: "x", role: "admin" } })).status).toBe(400);
    // duplicate id
    expect((await call(`/v1/orgs/${t.deptId}/children`, { token: t.admin, body: { id: "sub", name: "again", kind: "branch" } })).status).toBe(409);

    // the department publishes; the sub-department and its clerk read it (nearest ancestor first)
    await call("/v1/templates", { token: t.admin, body: roster() });
    const fromClerk = await call("/v1/templates/roster", { token: subClerk });
    expect(fromClerk.status).toBe(200);
    expect(fromClerk.json.meta.orgId).toBe(t.deptId);
    // the sub-department publishes its own roster: its subtree now gets that one
    await call("/v1/templates", { token: subAdmin, body: { ...roster(), title: "基层党委花名册" } });
    expect((await call("/v1/templates/roster", { token: subClerk })).json.template.title).toBe("基层党委花名册");
    expect((await call("/v1/templates/roster", { token: t.branches[0]!.token })).json.template.title).toBe("党员花名册");
    // the top admin can address the sub-department's version explicitly; the sub admin cannot reach a sibling
    expect((await call(`/v1/templates/roster?org=${SUB}`, { token: t.admin })).json.template.title).toBe("基层党委花名册");
    expect((await call(`/v1/orgs/${t.branches[0]!.id}`, { token: subAdmin })).status).toBe(404);
    expect((await call(`/v1/orgs/${t.deptId}/tree`, { token: subAdmin })).status).toBe(404);
    const tree = await call(`/v1/orgs/${t.deptId}/tree`, { token: t.admin });
    expect(tree.json.items.map((o: { id: string }) => o.id)).toEqual([t.deptId, t.branches[0]!.id, SUB, SUB_B]);

    // a collection opened by the sub-department is visible to it and to the top admin, not to the sibling branch
    const col = await call("/v1/collections", { token: subAdmin, body: { title: "x", template: { id: "roster" }, period: "2025-Q4", dueAt: "2099-01-01", branchIds: [SUB_B] } });
    expect(col.status).toBe(201);
    expect(col.json.template.orgId).toBe(SUB);
    // the sub admin cannot include a branch outside its subtree
    const outside = await call("/v1/collections", { token: subAdmin, body: { title: "x", template: { id: "roster" }, period: "2025", dueAt: "2099-01-01", branchIds: [t.branches[0]!.id] } });
    expect(outside.status).toBe(404);
    expect((await call(`/v1/collections/${col.json.id}/submissions`, { token: subClerk, body: { grid: cleanGrid(), asOf: "2025-12-01" } })).status).toBe(201);
    expect((await call(`/v1/collections/${col.json.id}/status`, { token: t.admin })).json.counts.submitted_clean).toBe(1);
    expect((await call(`/v1/collections/${col.json.id}`, { token: t.branches[0]!.token })).status).toBe(404);
    // audit: the top admin sees the sub-department's writes, the sub admin not the top's
    const topAudit = await call("/v1/audit?limit=500", { token: t.admin });
    expect(topAudit.json.items.some((a: { orgId: string }) => a.orgId === SUB_B)).toBe(true);
    const subAudit = await call("/v1/audit?limit=500", { token: subAdmin });
    expect(subAudit.json.items.every((a: { orgId: string }) => a.orgId.startsWith(SUB))).toBe(true);
  });
});

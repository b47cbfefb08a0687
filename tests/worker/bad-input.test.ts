import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import * as XLSX from "@e965/xlsx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { checkWorkbook, DEFAULT_RULE_SET } from "../../shared/index.js";
import { readWorkbookFile as readWorkbook } from "../../shared/reader/index.js";
import { engineOptions } from "../../functions/lib/engine.js";
import { call, roster, cleanGrid, gridWithErrors, makeTenant, openCollection, type Tenant, storeCount, storedBody, storedBodyKeys } from "./helpers.js";

let t: Tenant;
let col: string;
let clerk: string;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  t = await makeTenant("bad", 2);
  col = await openCollection(t);
  clerk = t.branches[0]!.token;
});

const xlsxOf = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "花名册");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
};

async function counts() {
  const rows = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions");
  const audit = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'submission.create'");
  const idem = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM idempotency_keys");
  const bodies = await storedBodyKeys(t.deptId, `${t.deptId}/`);
  return { rows, audit, idem, blobs: bodies.filter((k) => !k.includes("/template/") && !k.includes("/ruleset/")) };
}

describe("bad input", () => {
  it("malformed JSON → 400 malformed_json", async () => {
    const r = await call(`/v1/collections/${col}/submissions`, { token: clerk, raw: '{"grid": [', headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("malformed_json");
    expect(r.json.error.message).toMatch(/JSON/);
    expect(r.json.error.messageEn).toMatch(/JSON/);
  });

  it("schema violations → 400 with zod paths", async () => {
    const r = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: { sheets: [{ name: "x", values: [[{ nope: 1 }]] }] }, asOf: "2025/12/01" } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    const paths = r.json.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain("grid.sheets.0.values.0.0");
    expect(paths).toContain("asOf");
    const pub = await call("/v1/templates", { token: t.admin, body: { id: "BAD ID", kind: "roster" } });
    expect(pub.status).toBe(400);
    expect(pub.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["id", "title", "fields"]));
    const unusable = await call("/v1/templates", { token: t.admin, body: { ...roster(), id: "broken", rules: [{ rule: "no.such.rule" }] } });
    expect(unusable.status).toBe(400);
    expect(unusable.json.error.code).toBe("template_unusable");
    expect(unusable.json.error.message).toContain("no.such.rule");
        const coll = await call("/v1/collections", { token: t.admin, body: { title: "x", template: { id: "roster" }, period: "2025-Q5", dueAt: "tomorrow", branchIds: [] } });
    expect(coll.status).toBe(400);
    expect(coll.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["period", "dueAt", "branchIds"]));
  });

  it("oversized body → 413", async () => {
    const big = "x".repeat(Number(env.MAX_BODY_BYTES) + 10);
    const r = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: { sheets: [{ name: "a", values: [[big]] }] } } });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("payload_too_large");
    const x = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: new Uint8Array(Number(env.MAX_BODY_BYTES) + 1), headers: { "content-type": XLSX_TYPE } });
    expect(x.status).toBe(413);
  });

  it("unreadable upload and zip bomb → 422 with a clear message; nothing stored", async () => {
    const before = await counts();
    const r = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: new Uint8Array(512).map((_, i) => (i * 37) & 0xff), headers: { "content-type": XLSX_TYPE } });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("xlsx_not-xlsx");
    expect(r.json.error.message).toContain("不是能读取的表格文件");
    // a real xlsx whose sheet inflates to 12 MB at > 250:1
    const parts = unzipSync(xlsxOf([["姓名"], ["张三"]]));
    parts["xl/worksheets/sheet1.xml"] = strToU8(`<worksheet>${" ".repeat(12 * 1024 * 1024)}</worksheet>`);
    const bomb = zipSync(parts, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(Number(env.MAX_BODY_BYTES));
    const b = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: bomb, headers: { "content-type": XLSX_TYPE } });
    expect(b.status).toBe(422);
    expect(b.json.error.code).toBe("xlsx_zip-bomb");
    expect(b.json.error.message).toContain("压缩炸弹");
    expect(await counts()).toEqual(before);
  });

  it("a real xlsx upload is read, checked and stored with the file's hash", async () => {
    const bytes = xlsxOf(gridWithErrors().sheets[0]!.values as unknown[][]);
    const r = await call(`/v1/collections/${col}/submissions/xlsx?asOf=2025-12-01`, { token: t.branches[1]!.token, raw: bytes, headers: { "content-type": XLSX_TYPE } });
    expect(r.status, r.text).toBe(201);
    expect(r.json.source).toBe("xlsx");
    expect(r.json.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.json.findings.map((f: { code: string }) => f.code).sort()).toEqual(["id.checkDigit", "id.sexMismatch"]);
    expect(await storedBody(t.deptId, `${t.deptId}/files/${r.json.fileSha256}.xlsx`)).not.toBeNull();
    // same answer everywhere: the Worker's findings are checkWorkbook(readWorkbook(bytes))
    const tv = await call("/v1/templates/roster@1", { token: t.admin });
    const local = checkWorkbook(readWorkbook(bytes), engineOptions({ grid: readWorkbook(bytes), template: tv.json.template, ruleSet: DEFAULT_RULE_SET, asOf: "2025-12-01" }));
    expect(r.json.findings).toEqual(local.findings);
    // multipart/form-data upload of the same file
    const form = new FormData();
    form.append("file", new File([bytes], "花名册.xlsx", { type: XLSX_TYPE }));
    const m = await call(`/v1/collections/${col}/submissions/xlsx?asOf=2025-12-01`, { token: t.branches[1]!.token, raw: form });
    expect(m.status, m.text).toBe(201);
    expect(m.json.version).toBe(r.json.version + 1);
    expect(m.json.fileSha256).toBe(r.json.fileSha256);
    expect(m.json.findings).toEqual(r.json.findings);
  });

  it("unknown template version → 404; unknown collection → 404; unknown branch → 404", async () => {
    const r = await call("/v1/templates/roster@99", { token: t.admin });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toContain("roster@99");
    const c = await call("/v1/collections", { token: t.admin, body: { title: "x", template: { id: "roster", version: 99 }, period: "2025", dueAt: "2099-01-01", branchIds: [t.branches[0]!.id] } });
    expect(c.status).toBe(404);
    const u = await call("/v1/collections/cnope/submissions", { token: clerk, body: { grid: cleanGrid() } });
    expect(u.status).toBe(404);
    const nb = await call("/v1/collections", { token: t.admin, body: { title: "x", template: { id: "roster" }, period: "2025", dueAt: "2099-01-01", branchIds: ["nobody-here"] } });
    expect(nb.status).toBe(404);
    expect(nb.json.error.details.branchIds).toEqual(["nobody-here"]);
    const bad = await call("/v1/templates/Bad%20Ref", { token: t.admin });
    expect(bad.status).toBe(400);
    const route = await call("/v1/nothing", { token: t.admin });
    expect(route.status).toBe(404);
    expect(route.json.error.code).toBe("not_found");
  });

  it("nothing half-written: a failure after the blobs or inside the D1 batch leaves no row and no blob", async () => {
    const before = await counts();
    const g = cleanGrid();
    g.sheets[0]!.values[1]![0] = "王五"; // content no other submission has
    for (const fault of ["after-blobs", "in-batch"]) {
      const r = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: g, asOf: "2025-12-01" }, headers: { "idempotency-key": `fault-${fault}`, "x-test-fault": fault } });
      expect(r.status, fault).toBe(500);
      expect(r.json.error.code).toBe("internal");
      expect(await counts(), fault).toEqual(before);
    }
    // the same key works afterwards: nothing of the failed attempt was kept
    const ok = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: g, asOf: "2025-12-01" }, headers: { "idempotency-key": "fault-in-batch" } });
    expect(ok.status).toBe(201);
  });

  it("a collection that refuses errors answers 422 and stores nothing", async () => {
    const strict = await call("/v1/collections", { token: t.admin, body: { title: "严格", template: { id: "roster" }, period: "2025-Q4", dueAt: "2099-01-01", branchIds: [t.branches[0]!.id], onError: "reject" } });
    expect(strict.status).toBe(201);
    const before = await counts();
    const r = await call(`/v1/collections/${strict.json.id}/submissions`, { token: clerk, body: { grid: gridWithErrors(), asOf: "2025-12-01" } });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("has_errors");
    expect(r.json.error.details.findings).toHaveLength(2);
    expect(await counts()).toEqual(before);
    const ok = await call(`/v1/collections/${strict.json.id}/submissions`, { token: clerk, body: { grid: cleanGrid(), asOf: "2025-12-01" } });
    expect(ok.status).toBe(201);
  });

  it("late submissions and the overdue status", async () => {
    const past = await call("/v1/collections", { token: t.admin, body: { title: "已过期", template: { id: "roster" }, period: "2024", dueAt: "2024-12-31", branchIds: t.branches.map((b) => b.id) } });
    const r = await call(`/v1/collections/${past.json.id}/submissions`, { token: clerk, body: { grid: cleanGrid(), asOf: "2025-12-01" } });
    expect(r.json.late).toBe(true);
    const st = await call(`/v1/collections/${past.json.id}/status`, { token: t.admin });
    expect(st.json.counts.late).toBe(2);
    expect(st.json.branches.every((b: { late: boolean }) => b.late)).toBe(true);
  });

  it("closed collections refuse submissions (409)", async () => {
    const c = await call("/v1/collections", { token: t.admin, body: { title: "关闭", template: { id: "roster" }, period: "2025-H1", dueAt: "2099-01-01", branchIds: [t.branches[0]!.id] } });
    expect((await call(`/v1/collections/${c.json.id}/close`, { token: t.admin, body: {} })).status).toBe(200);
    const r = await call(`/v1/collections/${c.json.id}/submissions`, { token: clerk, body: { grid: cleanGrid() } });
    expect(r.status).toBe(409);
  });
});

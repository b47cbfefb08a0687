import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import * as XLSX from "@e965/xlsx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { BUILTIN_TEMPLATES } from "../../shared/index.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { pulledStream } from "../../functions/lib/export.js";
import { call, HEADER, makeTenant, roster, type Tenant, storeCount, storeRows, loseStoredBody } from "./helpers.js";

/**
 * Hostile input from one tenant must not stall another: patterns run in linear time, and
 * oversized grids and exports are refused before the work starts. Each time bound is
 * "answers within N × a bare request measured in the same run", never an absolute time.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** workerd's clock moves only on I/O: one trivial D1 read after the call makes it count the CPU spent. */
async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; r: T }> {
  await env.DB.prepare("SELECT 1").first();
  const t0 = performance.now();
  const r = await f();
  await env.DB.prepare("SELECT 1").first();
  return { ms: performance.now() - t0, r };
}

/** The median of five runs of a request that does the same kind of work on an ordinary input. */
async function bareMs(f: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await timed(f)).ms);
  return runs.sort((a, b) => a - b)[2]!;
}

/** A bound that still fails on a backtracking engine (seconds to hours here) and tolerates a busy machine. */
const within = (bare: number) => 20 * bare + 250;

async function openWith(t: Tenant, templateId: string, title = "报送") {
  const r = await call("/v1/collections", { token: t.admin, body: { title, template: { id: templateId }, period: "2025", dueAt: "2099-12-31", branchIds: t.branches.map((b) => b.id) } });
  if (r.status !== 201) throw new Error(`collection: ${r.status} ${r.text}`);
  return r.json.id as string;
}

/** A tenant of `n` branches with the built-in roster published and one collection of it open. */
async function tenantWithRoster(prefix: string, n: number): Promise<{ t: Tenant; col: string }> {
  const t = await makeTenant(prefix, n);
  await call("/v1/templates", { token: t.admin, body: roster() });
  return { t, col: await openWith(t, "roster") };
}

const rosterRow = (name: string, extra: Partial<Record<number, unknown>> = {}) => {
  const row: unknown[] = [name, "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"];
  for (const [k, v] of Object.entries(extra)) row[Number(k)] = v;
  return row;
};
const rosterGrid = (...rows: unknown[][]): WorkbookGrid => ({ sheets: [{ name: "花名册", values: [HEADER, ...rows] as WorkbookGrid["sheets"][0]["values"] }] });

describe("ReDoS: template patterns run in linear time", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant("redos", 1);
  });

  it("a field pattern like (a+)+ against 'a'×5000+'b' answers within 20× a plain submission", async () => {
    const tpl = roster();
    tpl.id = "roster-redos";
    tpl.fields = tpl.fields.map((f) => (f.name === "name" ? { ...f, constraints: { ...f.constraints, pattern: "(a+)+" } } : f));
    const pub = await call("/v1/templates", { token: t.admin, body: tpl });
    expect(pub.status, pub.text).toBe(201);
    const col = await openWith(t, "roster-redos");
    const clerk = t.branches[0]!.token;
    let n = 0;
    const submit = (name: string) => call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: rosterGrid(rosterRow(name)), asOf: "2025-12-01" }, headers: { "idempotency-key": `redos-${n++}` } });
    const bare = await bareMs(() => submit("aaab"));
    const hostile = await timed(() => submit(`${"a".repeat(5000)}b`));
    expect(hostile.r.status, hostile.r.text).toBe(201);
    // the cell is still checked: it does not match the pattern
    expect(hostile.r.json.findings.map((f: { code: string }) => f.code)).toContain("value.pattern");
    console.log(`[measure] field pattern (a+)+ on "a"×5000+"b": ${Math.round(hostile.ms)} ms vs a plain submission ${Math.round(bare)} ms (×${(hostile.ms / bare).toFixed(2)})`);
    expect(hostile.ms, `hostile ${hostile.ms} ms, bare ${bare} ms`).toBeLessThan(within(bare));
  });

  it("a repeating-column header pattern like ^((\\d)+)+月$ against a 5000-character header answers within 20× a plain one", async () => {
    const dues = structuredClone(BUILTIN_TEMPLATES.find((x) => x.id === "dues-monthly")!);
    dues.id = "dues-redos";
    dues.fields = dues.fields.map((f) => (f.repeat ? { ...f, repeat: { ...f.repeat, pattern: "^((\\d)+)+月$" } } : f));
    const pub = await call("/v1/templates", { token: t.admin, body: dues });
    expect(pub.status, pub.text).toBe(201);
    const col = await openWith(t, "dues-redos");
    const clerk = t.branches[0]!.token;
    let n = 0;
    const submit = (header: string) =>
      call(`/v1/collections/${col}/submissions`, {
        token: clerk,
        // Three month columns make the sheet fit the template; the fourth header is the one the pattern is run on.
        body: { grid: { sheets: [{ name: "党费", values: [["姓名", "缴费基数", "月应缴党费", "1月", "2月", "3月", header], ["张三", 5000, 25, 25, 25, 25, 25]] }] }, asOf: "2025-12-01" },
        headers: { "idempotency-key": `redos-h-${n++}` },
      });
    // "月" must be in the text: without it V8 fails the pattern at once, with it a backtracking engine takes 2^n steps
    const bare = await bareMs(() => submit("1111x月"));
    const hostile = await timed(() => submit(`${"1".repeat(5000)}x月`));
    expect(hostile.r.status, hostile.r.text).toBe(201);
    console.log(`[measure] header pattern ^((\\d)+)+月$ on a 5002-character header: ${Math.round(hostile.ms)} ms vs a plain one ${Math.round(bare)} ms (×${(hostile.ms / bare).toFixed(2)})`);
    expect(hostile.ms, `hostile ${hostile.ms} ms, bare ${bare} ms`).toBeLessThan(within(bare));
  });

  it("a pattern RE2 cannot run in linear time (back-reference, lookahead) is refused at publication, in Chinese and English", async () => {
    for (const pattern of ["(a)\\1", "(?=a)a+"]) {
      const tpl = roster();
      tpl.id = "roster-backref";
      tpl.fields = tpl.fields.map((f) => (f.name === "name" ? { ...f, constraints: { pattern } } : f));
      const r = await call("/v1/templates", { token: t.admin, body: tpl });
      expect(r.status, pattern).toBe(400);
      const issue = r.json.error.details.issues.find((i: { path: string }) => i.path.endsWith("constraints.pattern"));
      expect(issue.message).toContain("无法使用");
      expect(issue.message).toContain("linear-time");
    }
  });

  it("a template stored before patterns were checked, holding one RE2 cannot run, answers 422 with the reason, never a 500", async () => {
    const tpl = roster();
    tpl.id = "roster-legacy";
    expect((await call("/v1/templates", { token: t.admin, body: tpl })).status).toBe(201);
    const [row] = await storeRows<{ r2_key: string }>(t.deptId, "SELECT r2_key FROM published_versions WHERE org_id = ? AND doc_id = 'roster-legacy'", t.deptId);
    const body = JSON.parse(await (await env.BLOBS.get(row!.r2_key))!.text());
    body.fields = body.fields.map((f: { name: string }) => (f.name === "name" ? { ...f, constraints: { pattern: "(?=张)张.+" } } : f));
    await env.BLOBS.put(row!.r2_key, JSON.stringify(body));
    const col = await openWith(t, "roster-legacy");
    const r = await call(`/v1/collections/${col}/submissions`, { token: t.branches[0]!.token, body: { grid: rosterGrid(rosterRow("张三")), asOf: "2025-12-01" } });
    expect(r.status, r.text).toBe(422);
    expect(r.json.error.code).toBe("template_unusable");
    expect(r.json.error.message).toContain("(?=张)张.+");
  });

  it("rule parameters are validated: maxMembers 'x' or 1e308 is refused, not a silently disabled rule", async () => {
    for (const maxMembers of ["x", 1e308, 0]) {
      const tpl = roster();
      tpl.id = "roster-params";
      tpl.rules = tpl.rules!.map((r) => (r.rule === "branch.size" ? { ...r, params: { maxMembers } } : r));
      const r = await call("/v1/templates", { token: t.admin, body: tpl });
      expect(r.status, String(maxMembers)).toBe(400);
      const issue = r.json.error.details.issues.find((i: { path: string }) => i.path.includes("maxMembers"));
      expect(issue.message).toContain("1 到 10000 之间的整数");
    }
    const tpl = roster();
    tpl.id = "roster-params";
    tpl.rules = tpl.rules!.map((r) => (r.rule === "id.number" ? { ...r, params: { strict: true } } : r));
    const r = await call("/v1/templates", { token: t.admin, body: tpl });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.error.details.issues)).toContain("没有参数“strict”");
  });
});

describe("one cap on cells and on one cell's text, for grid JSON and xlsx alike", () => {
  let t: Tenant;
  let col: string;
  beforeAll(async () => {
    ({ t, col } = await tenantWithRoster("cap", 1));
  });
  const cap = () => Number(env.MAX_CELLS);

  it("grid JSON over MAX_CELLS is 413 too_many_cells, answered within 20× a small submission", async () => {
    const clerk = t.branches[0]!.token;
    const bare = await bareMs(() => call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: rosterGrid(rosterRow("张三")), asOf: "2025-12-01" } }));
    const wide = Array.from({ length: Math.ceil((cap() + 1) / 100) }, () => new Array(100).fill(1));
    const r = await timed(() => call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: { sheets: [{ name: "花名册", values: [HEADER, ...wide] }] } } }));
    expect(r.r.status).toBe(413);
    expect(r.r.json.error.code).toBe("too_many_cells");
    // the limit, and what to do: split it, or check it whole with the command line
    expect(r.r.json.error.message).toContain(`超过每次报送 ${cap()} 个单元格的上限`);
    expect(r.r.json.error.message).toContain("拆成几份");
    expect(r.r.json.error.message).toContain("party-ledger check");
    console.log(`[measure] grid JSON of ${cap() + 100} cells refused in ${Math.round(r.ms)} ms vs a small submission ${Math.round(bare)} ms`);
    expect(r.ms, `${r.ms} ms vs bare ${bare} ms`).toBeLessThan(within(bare));
  });

  it("a ledger wrong in more places than a submission may store is refused with its counts, and nothing is stored", async () => {
    const clerk = t.branches[0]!.token;
    const cap = Number(env.MAX_FINDINGS);
    // every member with the same ID: each row after the first is a duplicate
    const rows = Array.from({ length: cap + 100 }, (_, i) => rosterRow(`党员${i}`));
    const before = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions");
    const r = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: rosterGrid(...rows), asOf: "2025-12-01" } });
    expect(r.status, r.text).toBe(422);
    expect(r.json.error.code).toBe("too_many_findings");
    expect(r.json.error.message).toContain(`超过每次报送 ${cap} 处的上限`);
    expect(r.json.error.message).toContain("party-ledger check");
    expect(r.json.error.details.findings).toBeGreaterThan(cap);
    expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions")).toBe(before);
  });

  it("an xlsx over the same cap is refused; one cell over 32,767 characters is refused on both routes", async () => {
    const clerk = t.branches[0]!.token;
    const wide = Array.from({ length: Math.ceil((cap() + 1) / 100) }, () => new Array(100).fill(1));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, ...wide]), "花名册");
    const big = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
    const x = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: big, headers: { "content-type": XLSX_TYPE } });
    expect(x.status, x.text).toBe(422);
    expect(x.json.error.code).toBe("xlsx_too-many-cells");
    expect(x.json.error.message).toContain(`超过每次报送 ${cap()} 个单元格的上限`);
    expect(x.json.error.message).toContain("party-ledger check");

    const long = "长".repeat(32_768);
    const j = await call(`/v1/collections/${col}/submissions`, { token: clerk, body: { grid: rosterGrid(rosterRow(long)) } });
    expect(j.status).toBe(413);
    expect(j.json.error.code).toBe("cell_too_long");
    expect(j.json.error.details).toMatchObject({ sheet: "花名册", cell: "A2", chars: 32_768 });
    // SheetJS will not write a cell that long, so the sheet XML is edited as a hostile client would
    const wb2 = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb2, XLSX.utils.aoa_to_sheet([HEADER, rosterRow("PLACEHOLDER")]), "花名册");
    const parts = unzipSync(new Uint8Array(XLSX.write(wb2, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    for (const [k, v] of Object.entries(parts)) {
      const text = new TextDecoder().decode(v);
      if (text.includes("PLACEHOLDER")) parts[k] = strToU8(text.replace("PLACEHOLDER", long));
    }
    const xl = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: zipSync(parts), headers: { "content-type": XLSX_TYPE } });
    expect(xl.status).toBe(422);
    expect(xl.json.error.code).toBe("xlsx_cell-too-long");
    expect(xl.json.error.message).toContain("A2");
  });

  it("an .xlsm with a macro project is refused with a message, and nothing is stored", async () => {
    const clerk = t.branches[0]!.token;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, rosterRow("张三")]), "花名册");
    const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    parts["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const before = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions");
    const r = await call(`/v1/collections/${col}/submissions/xlsx`, { token: clerk, raw: zipSync(parts), headers: { "content-type": XLSX_TYPE } });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("xlsx_macros");
    expect(r.json.error.message).toContain("含有宏");
    expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions")).toBe(before);
    expect((await env.BLOBS.list({ prefix: `${t.deptId}/files/` })).objects).toHaveLength(0);
  });
});

describe("exports an admin can open safely", () => {
  let t: Tenant;
  let col: string;
  const hostile = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.invalid","点我")', "+1+1", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"];
  beforeAll(async () => {
    ({ t, col } = await tenantWithRoster("csv", 1));
    // 出生日期 as an Excel serial (25525 = 1969-11-18), the ID as text, and one hostile text per row
    const rows = hostile.map((h) => rosterRow(h, { 2: "110105196911180022", 3: 25525 }));
    const r = await call(`/v1/collections/${col}/submissions`, { token: t.branches[0]!.token, body: { grid: rosterGrid(...rows), asOf: "2025-12-01" } });
    expect(r.status, r.text).toBe(201);
  });

  it("CSV: formula-looking text starts with an apostrophe (OWASP), IDs stay text, dates are dates", async () => {
    const r = await call(`/v1/collections/${col}/export?format=csv`, { token: t.admin });
    expect(r.status).toBe(200);
    const lines = r.text.replace(/^\ufeff/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + hostile.length);
    const name = (l: string) => l.split('","').slice(5).join('","');
    // Expected bytes written out by hand: every field quoted, an apostrophe before formula-looking text.
    const expected = ["'=cmd|' /C calc'!A0", "'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点我\"\")", "'+1+1", "'@SUM(1)", "'-2+3", "'\t=1+1", "'\r=1+1"];
    lines.slice(1).forEach((l, i) => expect(name(l).startsWith(expected[i]!), `${JSON.stringify(l)} vs ${JSON.stringify(expected[i])}`).toBe(true));
    for (const l of lines.slice(1)) {
      expect(l).toContain(',"\t110105196911180022",');
      expect(l).toContain(',"1969-11-18",');
    }
    // no field of any line begins with a formula character
    for (const l of lines.slice(1)) for (const field of l.split('","')) expect(field.replace(/^"/, "")).not.toMatch(/^[\t\r]?[=+@-]/);
  });

  it("CSV of findings: severities in the admin's language, headers too", async () => {
    const zh = await call(`/v1/collections/${col}/export?format=csv&what=findings`, { token: t.admin });
    expect(zh.text).toContain("级别");
    expect(zh.text).toMatch(/,"(错误|提醒)",/);
    expect(zh.text).not.toMatch(/,"(error|warning)",/);
    const en = await call(`/v1/collections/${col}/export?format=csv&what=findings`, { token: t.admin, headers: { "accept-language": "en" } });
    expect(en.text).toContain("Severity");
    expect(en.text).toMatch(/,"(error|warning)",/);
    expect(en.text).not.toMatch(/错误|提醒/);
  });

  it("xlsx: dates are date cells with a date format, IDs are text cells", async () => {
    const res = await (await import("cloudflare:workers")).exports.default.fetch(`http://ledger.test/v1/collections/${col}/export?format=xlsx`, { headers: { authorization: `Bearer ${t.admin}` } });
    expect(res.status).toBe(200);
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array", cellNF: true });
    const ws = wb.Sheets["报送数据"]!;
    // columns: 支部编号 支部名称 报送版本 工作表 行号 | 姓名 性别 公民身份号码 出生日期 …
    expect(ws["H2"]).toMatchObject({ t: "s", v: "110105196911180022" });
    expect(ws["I2"]).toMatchObject({ t: "n", v: 25525 });
    expect(XLSX.SSF.is_date(String(ws["I2"]!.z))).toBe(true);
    expect(ws["F2"]).toMatchObject({ t: "s", v: hostile[0] });
    expect(ws["F2"]!.f).toBeUndefined();
  });
});

describe("exports are bounded, and a missing blob is an error", () => {
  let t: Tenant;
  let col: string;
  beforeAll(async () => {
    ({ t, col } = await tenantWithRoster("exp", 3));
  });

  it("an export over its stated size is refused (413 export_too_large) within 20× a small export, before reading any grid", async () => {
    const small = await openWith(t, "roster", "小");
    await call(`/v1/collections/${small}/submissions`, { token: t.branches[0]!.token, body: { grid: rosterGrid(rosterRow("张三")), asOf: "2025-12-01" } });
    const bare = await bareMs(() => call(`/v1/collections/${small}/export?format=xlsx`, { token: t.admin }));
    // three branches, each a grid of ~120 KB: more than EXPORT_XLSX_MAX_BYTES together, under EXPORT_MAX_BYTES
    for (const [i, b] of t.branches.entries()) {
      const rows = Array.from({ length: 600 }, (_, k) => rosterRow(`党员${i}-${k}-${"填".repeat(40)}`));
      const r = await call(`/v1/collections/${col}/submissions`, { token: b.token, body: { grid: rosterGrid(...rows), asOf: "2025-12-01" } });
      expect(r.status, r.text).toBe(201);
    }
    const x = await timed(() => call(`/v1/collections/${col}/export?format=xlsx`, { token: t.admin }));
    expect(x.r.status).toBe(413);
    expect(x.r.json.error.code).toBe("export_too_large");
    expect(x.r.json.error.message).toContain("CSV");
    console.log(`[measure] oversized xlsx export refused in ${Math.round(x.ms)} ms vs a small export ${Math.round(bare)} ms`);
    expect(x.ms, `${x.ms} ms vs bare ${bare} ms`).toBeLessThan(within(bare));
    // the size comes from the store alone: every row knows its grid's bytes, nothing is asked of R2
    expect(x.r.json.error.details.atLeastBytes).toBeGreaterThan(Number(env.EXPORT_XLSX_MAX_BYTES));
    const csv = await call(`/v1/collections/${col}/export?format=csv`, { token: t.admin });
    expect(csv.status).toBe(200);
    expect(csv.text.trimEnd().split("\r\n")).toHaveLength(1 + 3 * 600);
  });

  it("a streamed export reads one item per chunk the client takes; a client that leaves (cancel or abort) stops it", async () => {
    let reads = 0;
    const next = async () => (++reads <= 100 ? `item ${reads}\n` : null);
    const reader = new Response(pulledStream(next)).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("item 1\n");
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toBeLessThanOrEqual(2);
    reads = 0;
    const gone = new AbortController();
    const r2 = new Response(pulledStream(next, gone.signal)).body!.getReader();
    await r2.read();
    gone.abort();
    expect((await r2.read()).done).toBe(true);
    expect(reads).toBeLessThanOrEqual(2);
  });

  it("the export route streams: its first chunk comes before the items are read, and cancelling it is clean", async () => {
    const { exports } = await import("cloudflare:workers");
    const res = await exports.default.fetch(`http://ledger.test/v1/collections/${col}/export?format=json&versions=all`, { headers: { authorization: `Bearer ${t.admin}` } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"collection":/);
    await reader.cancel();
    // an export read to the end afterwards still works and holds all three
    const full = await call(`/v1/collections/${col}/export?format=json&versions=all`, { token: t.admin });
    expect(full.json.items).toHaveLength(3);
  });

  // A branch's ledger is kept in the department's store, a large one in R2: lost from either, it is an error.
  for (const [where, rows] of [["the store", 1], ["R2", 700]] as const) {
    it(`a stored findings or grid body that went missing from ${where} is a 500 stored_data_missing, never a clean, empty submission`, async () => {
      const c2 = await openWith(t, "roster", `缺失${rows}`);
      const grid = rosterGrid(...Array.from({ length: rows }, (_, i) => rosterRow(`独一无二的名字${i}`)));
      const s = await call(`/v1/collections/${c2}/submissions`, { token: t.branches[0]!.token, body: { grid, asOf: "2025-12-01" } });
      expect(s.status, s.text).toBe(201);
      const kept = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM small_blobs WHERE blob_key = ?", `${t.deptId}/grids/${s.json.contentSha256}.json`);
      expect(kept).toBe(where === "R2" ? 0 : 1);
      await loseStoredBody(t.deptId, `${t.deptId}/findings/${s.json.findingsSha256}.json`);
      const got = await call(`/v1/submissions/${s.json.id}`, { token: t.admin });
      expect(got.status).toBe(500);
      expect(got.json.error.code).toBe("stored_data_missing");
      const ex = await call(`/v1/collections/${c2}/export?format=json`, { token: t.admin });
      expect(ex.status).toBe(500);
      expect(ex.json.error.code).toBe("stored_data_missing");
      await loseStoredBody(t.deptId, `${t.deptId}/grids/${s.json.contentSha256}.json`);
      const csv = await call(`/v1/collections/${c2}/export?format=csv`, { token: t.admin });
      expect(csv.status).toBe(500);
      expect(csv.json.error.code).toBe("stored_data_missing");
      const withGrid = await call(`/v1/submissions/${s.json.id}?include=grid`, { token: t.admin });
      expect(withGrid.status).toBe(500);
    });
  }
});

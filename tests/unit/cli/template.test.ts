import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, checkWorkbook, Template } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { MORE_SAMPLES_DIR } from "../../fixtures/samples-dir.js";
import { runCli, tempDir } from "./run-cli.js";

/** `party-ledger template infer | xlsx | publish` as a department's staff would run them. */
const ROOT = new URL("../../../", import.meta.url).pathname;
const HISTORY = join(MORE_SAMPLES_DIR, "[sample_member_history]历史党员导入样表.xlsx");

function runBytes(args: string[]): { code: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/party-ledger.mjs"), ...args], { cwd: ROOT, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

describe("party-ledger template", () => {
  it("infer prints a template (JSON only on stdout) and says what it made on stderr", () => {
    const r = runCli(["template", "infer", HISTORY]);
    expect(r.code, r.stderr).toBe(0);
    const t = Template.parse(JSON.parse(r.stdout));
    expect(t.id).toBe("member-history");
    expect(t.fields).toHaveLength(24);
    expect(t.fields.find((f) => f.title === "学工号")!.constraints?.required).toBe(true);
    expect(r.stderr).toContain("已从工作表「Sheet1」第 1 行的表头生成模板 member-history：24 列");
    const en = runCli(["template", "infer", HISTORY, "--lang", "en", "--id", "history-members", "--title", "历史党员名册"]);
    expect(JSON.parse(en.stdout)).toMatchObject({ id: "history-members", title: "历史党员名册" });
    expect(en.stderr).toContain("Made template history-members");
    const noSheet = runCli(["template", "infer", HISTORY, "--sheet", "名单"]);
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain("没有工作表「名单」（有：Sheet1）");
  });

  it("xlsx writes a built-in template's form offline, to stdout or a file, and never replaces a file", () => {
    const piped = runBytes(["template", "xlsx", "roster@1"]);
    expect(piped.code, piped.stderr).toBe(0);
    const wb = readWorkbook(new Uint8Array(piped.stdout));
    expect(wb.sheets.map((s) => s.name)).toEqual(["党员花名册", "填表说明"]);
    expect(wb.sheets[0]!.values[0]![0]).toBe("党员花名册（模板 roster 第 1 版）");
    const report = checkWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: "2025-12-31" });
    expect(report.sheets.map((s) => `${s.status}:${s.template?.id ?? s.skipReason}`)).toEqual(["skipped:roster", "skipped:instructions"]);
    // The form is blank: recognised as the roster and not checked, never "no problems".
    expect(report.sheets[0]!.skipReason).toBe("noData");
    const dir = tempDir();
    const out = join(dir, "党员花名册.xlsx");
    const written = runCli(["template", "xlsx", "roster@1", "-o", out, "--lang", "en"]);
    expect(written.code, written.stderr).toBe(0);
    expect(readWorkbook(new Uint8Array(readFileSync(out))).sheets[0]!.values[0]![0]).toBe("Member roster (template roster v1)");
    writeFileSync(join(dir, "keep.xlsx"), "mine");
    const refused = runCli(["template", "xlsx", "roster@1", "-o", join(dir, "keep.xlsx")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在，不会覆盖");
    expect(readFileSync(join(dir, "keep.xlsx"), "utf8")).toBe("mine");
    // From a template file (what infer printed), with no Worker at all.
    const json = join(dir, "t.json");
    writeFileSync(json, runCli(["template", "infer", HISTORY]).stdout);
    const fromFile = runCli(["template", "xlsx", json, "-o", join(dir, "历史党员.xlsx")]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(existsSync(join(dir, "历史党员.xlsx"))).toBe(true);
  });

  it("says plainly what is wrong: an unknown template, no Worker address, a broken template file", () => {
    const unknown = runCli(["template", "xlsx", "no-such@3", "-o", join(tempDir(), "x.xlsx")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("“no-such@3”不是内置模板");
    const dir = tempDir();
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ id: "x", fields: [] }));
    const noUrl = runCli(["template", "publish", join(dir, "bad.json")]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("请用 --to 给出 Worker 地址");
    const bad = runCli(["template", "publish", join(dir, "bad.json"), "--to", "http://127.0.0.1:9", "--token", "t"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("模板文件");
    expect(bad.stderr).toContain("无效");
  });
});

describe("party-ledger check --mapping", () => {
  it("reads a sheet with a branch's own headers once given the organisation's mapping, and says so", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const dir = tempDir();
    const file = join(dir, "我们的名单.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.addRow(["同志姓名", "吸收入党日", "成为正式党员日", "组织身份"]);
    ws.addRow(["张三", "2010-07-01", "2011-07-01", "党员"]);
    ws.addRow(["李四", "2025-09-01", null, "党员"]);
    await wb.xlsx.writeFile(file);
    const without = runCli(["check", file, "--as-of", "2025-12-31"]);
    expect(without.code).toBe(3);
    const mapping = join(dir, "mapping.json");
    // As GET /v1/mappings/roster answers it: { meta, mapping }.
    writeFileSync(
      mapping,
      JSON.stringify({ meta: { id: "roster", version: 2 }, mapping: { id: "roster", version: 2, title: "花名册表头", template: { id: "roster" }, columns: { 同志姓名: "name", 吸收入党日: "joinDate", 成为正式党员日: "fullDate", 组织身份: "status" }, values: { status: { 党员: "正式党员" } } } }),
    );
    const r = runCli(["check", file, "--as-of", "2025-12-31", "--mapping", mapping]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain("党员花名册（模板 roster@1）");
    expect(r.stdout).toContain("表头对应：按表头对应 roster@2 读取，4 列按对应识别");
    // 党员 is read as 正式党员, and quoted as the clerk wrote it: probation runs until 2026-09-01.
    expect(r.stdout).toContain("D3");
    expect(r.stdout).toContain("党籍状态填的是“党员”");
    writeFileSync(mapping, "{ not json");
    const bad = runCli(["check", file, "--mapping", mapping]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("表头对应文件");
  });
});

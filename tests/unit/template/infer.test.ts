import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { inferTemplate } from "../../../shared/template/infer/infer-template.js";
import { redHeaderCells } from "../../../shared/template/infer/red-headers.js";
import { MORE_SAMPLES_DIR, SAMPLES_DIR } from "../../fixtures/samples-dir.js";
import { makeId, serial, sheet } from "../engine/grid-helpers.js";

/** `template infer`: a department's existing form → a template, read the way its clerks read the form. */
function infer(dir: string, file: string) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const s = readWorkbook(bytes).sheets[0]!;
  return { sheet: s, inferred: inferTemplate(s, { fileName: file, redCells: redHeaderCells(bytes, s.name) }) };
}
const field = (r: ReturnType<typeof inferTemplate>, header: string) => {
  const c = r.columns.find((x) => x.header === header)!;
  return { column: c, field: r.template.fields.find((f) => f.name === c.field)! };
};

describe("template infer on the real forms", () => {
  it("takes required from the 必填 row under the header and from red headers; names and aliases from the header", () => {
    const { inferred } = infer(SAMPLES_DIR, "[sample_cesResult1]干部年终考核测评数据录入样表.xlsx");
    // The hint row says 必填 under 年份, 工作证号, 测评类别, 总人数, 排名, and 与系统内名称一致 under 时任单位.
    const required = inferred.columns.filter((c) => c.required.length).map((c) => c.header);
    expect(required).toEqual(["年份", "工作证号", "姓名", "测评类别", "总人数", "排名"]);
    expect(field(inferred, "时任单位").column.required).toEqual([]);
    expect(field(inferred, "年份").column.required).toContain("red");
    expect(inferred.headerRows).toEqual({ first: 1, last: 1 });
    // A form the engine knows as a cadre assessment keeps that ledger's kind and its rules.
    expect(inferred.ledger).toEqual({ id: "assessment", kind: "assessment" });
    expect(inferred.template.kind).toBe("assessment");
    expect(inferred.template.rules.map((r) => r.rule)).toContain("assessment.rank");
    expect(field(inferred, "排名").field).toMatchObject({ name: "rank", type: "integer", title: "排名" });
    expect(inferred.template.title).toBe("干部年终考核测评数据");
    expect(inferred.template.id).toBe("ces-result1");
  });

  it("takes allowed values from the form's drop-down lists and known fields from their headers", () => {
    const { inferred } = infer(SAMPLES_DIR, "[sample_pm_Meeting]三会一课录入样表.xlsx");
    expect(field(inferred, "会议类型").field).toMatchObject({ name: "type", constraints: { enum: ["支部党员大会", "支部委员会", "党小组会", "党课"] } });
    expect(field(inferred, "会议类型").column.allowed).toBe("list");
    // The meetings register's own 应到/实到人数, so the quorum rule applies to them.
    expect(field(inferred, "应到人数").field.name).toBe("expected");
    expect(field(inferred, "实到人数").field.name).toBe("present");
    expect(inferred.template.rules.map((r) => r.rule)).toEqual(["meetings.attendance", "meetings.statedHeadCount", "meetings.frequency", "meetings.secretaryLecture"]);
    // Codes stay text, their leading zeros kept.
    expect(field(inferred, "所在分党委编码").field).toMatchObject({ name: "colA", type: "string" });
    expect(field(inferred, "实际会议时间").field.type).toBe("datetime");
  });

  it("reads the red 必填 columns of 历史党员导入样表 (「红色字段为必填字段」) and maps its ID column to the built-in field", () => {
    const { inferred } = infer(MORE_SAMPLES_DIR, "[sample_member_history]历史党员导入样表.xlsx");
    expect(inferred.columns.filter((c) => c.required.includes("red")).map((c) => c.header)).toEqual(["学工号", "姓名", "人员类别", "二级党组织名称", "党籍状态"]);
    expect(field(inferred, "身份证号").field).toMatchObject({ name: "idNumber", type: "idNumber", constraints: { unique: true } });
    expect(field(inferred, "身份证号").column.known).toBe("roster.idNumber");
    expect(field(inferred, "性别").field.constraints?.enum).toEqual(["男", "女"]);
    expect(inferred.template.kind).toBe("roster");
    expect(inferred.template.rules.map((r) => r.rule)).toContain("id.number");
  });

  it("makes a form that is none of the ledgers a form of its own, with no look-alike test and only the ID rules", () => {
    const { sheet: s, inferred } = infer(MORE_SAMPLES_DIR, "[sample_cetOtherTrain]参训人员录入样表.xlsx");
    expect(inferred.template.kind).toBe("form");
    expect(inferred.ledger).toBe(null);
    expect(inferred.template.rules).toEqual([]);
    // The training roster is checked against its own template, every header column a field.
    const r = checkWorkbook({ sheets: [s] }, { templates: [inferred.template], template: { id: inferred.template.id, fit: "required" }, asOf: "2025-12-31" });
    expect(r.sheets[0]!.status).toBe("checked");
    expect(r.sheets[0]!.columns.every((c) => c.field !== null)).toBe(true);
  });

  it("shortens a header that writes its rules into itself and keeps the rules as the column's note", () => {
    const { inferred } = infer(MORE_SAMPLES_DIR, "[sample_passportDraw]因私出国（境）证件使用记录录入样表.xlsx");
    const use = inferred.template.fields.find((f) => f.title === "使用类别")!;
    expect(use.description).toContain("1因私出国（境） 2因公赴台");
    expect(use.aliases[0]).toMatch(/^使用类别（1因私出国/);
  });
});

describe("template infer on a form with rows", () => {
  const rows = Array.from({ length: 10 }, (_, i) => ["党员" + "甲乙丙丁戊己庚辛壬癸"[i], `00${100 + i}`, i % 3 === 0 ? "在职" : "退休", makeId(`19${70 + i}-01-0${1 + (i % 9)}`, i % 2 ? "男" : "女"), serial(`2010-0${1 + (i % 9)}-01`), 100 + i * 10, `2025-0${1 + (i % 9)}`]);
  const form = sheet("表1", [["某镇党员信息采集表"], ["* 姓名", "编号", "类别（必填）", "身份证号码", "入党时间", "缴费金额", "缴费月份"], ...rows], { merges: [{ r0: 0, c0: 0, r1: 0, c1: 6 }] });

  it("types columns from their cells, finds a small set of values and unique codes, and takes stars as required", () => {
    const r = inferTemplate(form);
    expect(r.headerRows).toEqual({ first: 2, last: 2 });
    expect(r.template.title).toBe("某镇党员信息采集表");
    const by = Object.fromEntries(r.columns.map((c) => [c.header, c]));
    expect(by["* 姓名"]).toMatchObject({ field: "name", required: ["star", "known"] });
    expect(r.template.fields[0]!.title).toBe("姓名");
    expect(by["类别（必填）"]).toMatchObject({ required: ["star"], allowed: "values" });
    expect(r.template.fields.find((f) => f.name === by["类别（必填）"]!.field)!.constraints?.enum).toEqual(["在职", "退休"]);
    expect(by["编号"]).toMatchObject({ type: "string", unique: true });
    expect(by["身份证号码"]).toMatchObject({ field: "idNumber", type: "idNumber" });
    expect(by["入党时间"]).toMatchObject({ field: "joinDate", type: "date" });
    expect(by["缴费金额"]!.type).toBe("money");
    expect(by["缴费月份"]!.type).toBe("month");
    // A Chinese-only name gives a stable id of its own.
    expect(r.template.id).toMatch(/^form-[a-z0-9]+$/);
    expect(inferTemplate(form).template.id).toBe(r.template.id);
  });

  it("refuses a sheet with nothing that could be a header, in the user's words", () => {
    expect(() => inferTemplate(sheet("空", [[1, 2, 3]]))).toThrow(/No header row/);
  });
});

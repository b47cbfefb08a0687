import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, checkWorkbook } from "../../../shared/index.js";
import { collectionCheckOptions } from "../../../shared/api/collection-check.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { formWorkbook } from "../../../shared/template/form-workbook.js";
import { inferTemplate } from "../../../shared/template/infer/infer-template.js";
import { redHeaderCells } from "../../../shared/template/infer/red-headers.js";
import { fillForm } from "../../fixtures/form-filler.js";
import { MORE_SAMPLES_DIR, SAMPLES_DIR } from "../../fixtures/samples-dir.js";

/**
 * Every one of the 83 real forms, the whole way in the engine: infer a template from the form →
 * write its Excel form → fill it with rows and planted errors → check the filled copy against
 * the template as a collection would (the template required). Every planted finding at its cell,
 * no other error, every column mapped. (tests/worker/forms-round-trip.test.ts does the same
 * through the Worker for the ledgers and a sample of the others.)
 */
const kinds = JSON.parse(readFileSync(join(MORE_SAMPLES_DIR, "kinds.json"), "utf8")).kinds as Record<string, string>;
const FIRST_SIX = [
  "[sample_cesResult1]干部年终考核测评数据录入样表.xlsx",
  "[sample_memberApply]党员发展信息录入样表.xlsx",
  "[sample_member_inSchool]党员信息（校内人员）录入样表.xlsx",
  "[sample_pm_Meeting]三会一课录入样表.xlsx",
  "[sample_pm_eva_result]组织生活管理-评议结果导入样表.xlsx",
  "[sample_pmdFee]党费补缴录入样表.xlsx",
];
const all = [...FIRST_SIX.map((file) => ({ dir: SAMPLES_DIR, file })), ...Object.keys(kinds).map((file) => ({ dir: MORE_SAMPLES_DIR, file }))];

describe("real form → template → Excel form → filled copy → check", () => {
  it.each(all.map((s) => [s.file, s] as const))("%s", async (_, { dir, file }) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const wb = readWorkbook(bytes);
    const sheet = wb.sheets.find((s) => !s.hidden)!;
    const inferred = inferTemplate(sheet, { fileName: file, redCells: redHeaderCells(bytes, sheet.name) });
    const template = inferred.template;
    // The department's own form itself is read by the template made from it, every header column a field
    // (a blank form: recognised as the template, and not checked, for nothing is filled in).
    const own = checkWorkbook({ sheets: [sheet] }, { templates: [template], template: { id: template.id }, asOf: "2025-12-31" });
    expect(own.sheets[0]!.status === "checked" || own.sheets[0]!.skipReason === "noData").toBe(true);
    expect(own.sheets[0]!.template?.id).toBe(template.id);
    expect(own.sheets[0]!.columns.length).toBeGreaterThan(0);
    expect(own.sheets[0]!.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([]);
    const form = await formWorkbook(template);
    const filled = await fillForm(form, template);
    const grid = readWorkbook(filled.bytes);
    const report = checkWorkbook(grid, collectionCheckOptions({ template, ruleSet: DEFAULT_RULE_SET, asOf: "2025-12-31", lang: "zh" }));
    const main = report.sheets[0]!;
    expect(main.status, main.reason).toBe("checked");
    expect(main.template).toEqual({ id: template.id, version: template.version });
    // Every column of the form is the field it was made for.
    expect(main.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([]);
    expect(main.columns.length).toBe(template.fields.reduce((n, f) => n + (f.repeat ? 12 : 1), 0));
    expect(report.sheets.slice(1).map((s) => s.status)).toEqual(["skipped"]);
    const found = report.findings.map((f) => `${f.cell}|${f.code}`);
    for (const p of filled.planted) expect(found, JSON.stringify(report.findings.filter((f) => f.severity === "error"))).toContain(`${p.cell}|${p.code}`);
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.cell}|${f.code}`);
    expect(errors.sort()).toEqual(filled.planted.filter((p) => p.severity === "error").map((p) => `${p.cell}|${p.code}`).sort());
    // Recognised among the built-in ledgers too, as this template and version.
    const free = checkWorkbook(grid, { templates: [...BUILTIN_TEMPLATES, template], asOf: "2025-12-31" });
    expect(free.sheets[0]!.template).toEqual({ id: template.id, version: template.version });
  });
});

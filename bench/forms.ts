import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BUILTIN_TEMPLATES, checkSheet, type SheetGrid } from "../shared/index.js";
import { formWorkbook } from "../shared/template/form-workbook.js";
import { inferTemplate } from "../shared/template/infer/infer-template.js";
import { redHeaderCells } from "../shared/template/infer/red-headers.js";
import type { MappingInput } from "../shared/template/mapping.js";
import { readWorkbook } from "../shared/xlsx/index.js";
import { DUES_HEADER, duesSheet } from "./dues-ledger.js";
import { median, time } from "./measure.js";

/**
 * A department's own forms (issue 10), each figure beside a peer measured in the same run:
 * (a) a 100,000-row dues ledger whose every header is the branch's own wording, checked with a
 *     confirmed mapping, against the same ledger with the engine's own headers and no mapping;
 * (b) `template infer` over the 83 real forms, against reading the same files alone;
 * (c) the Excel form of each built-in template, against ExcelJS writing a header row alone.
 */
const ROWS = 100_000;
const SAMPLES = join(new URL("../", import.meta.url).pathname, "..", "shared");

function renamed(sheet: SheetGrid): { sheet: SheetGrid; mapping: MappingInput } {
  const own = DUES_HEADER.map((h) => (/^\d+月$/.test(h) ? h : `本支部${h}`));
  const fields: Record<string, string> = { 姓名: "name", 身份证号码: "idNumber", 联系电话: "phone", 人员类别: "category", 缴费基数: "base", 月应缴党费: "standard", 年度: "year", 备注: "note" };
  const columns = Object.fromEntries(Object.entries(fields).map(([h, f]) => [`本支部${h}`, f]));
  return { sheet: { ...sheet, values: [own, ...sheet.values.slice(1)] }, mapping: { template: { id: "dues-monthly" }, columns, values: { category: { 在职人员: "在职" } } } };
}

function files(): { path: string; bytes: Uint8Array }[] {
  const out: { path: string; bytes: Uint8Array }[] = [];
  for (const dir of ["samples", "samples-more"]) {
    for (const f of readdirSync(join(SAMPLES, dir)).filter((x) => x.endsWith(".xlsx"))) out.push({ path: f, bytes: new Uint8Array(readFileSync(join(SAMPLES, dir, f))) });
  }
  return out;
}

export async function benchForms(): Promise<string[]> {
  const base = duesSheet(ROWS);
  const { sheet, mapping } = renamed(base);
  const plain = () => checkSheet(base, { asOf: "2025-12-31" }).findings.length;
  const mapped = () => checkSheet(sheet, { asOf: "2025-12-31", mapping }).findings.length;
  plain();
  mapped();
  const plainTimes: number[] = [];
  const mappedTimes: number[] = [];
  let same = true;
  for (let i = 0; i < 5; i++) {
    let a = 0;
    let b = 0;
    plainTimes.push(time(() => (a = plain())));
    mappedTimes.push(time(() => (b = mapped())));
    same &&= a === b;
  }
  const p = median(plainTimes);
  const m = median(mappedTimes);

  const forms = files();
  const readTimes: number[] = [];
  const inferTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    readTimes.push(time(() => forms.forEach((f) => readWorkbook(f.bytes))));
    inferTimes.push(
      time(() =>
        forms.forEach((f) => {
          const s = readWorkbook(f.bytes).sheets.find((x) => !x.hidden)!;
          inferTemplate(s, { fileName: f.path, redCells: redHeaderCells(f.bytes, s.name) });
        }),
      ),
    );
  }
  const r = median(readTimes);
  const inf = median(inferTimes);

  const formTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    let total = 0;
    for (const t of BUILTIN_TEMPLATES) {
      const t0 = performance.now();
      await formWorkbook(t);
      total += performance.now() - t0;
    }
    formTimes.push(total);
    let bare = 0;
    for (const t of BUILTIN_TEMPLATES) {
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet(t.title.slice(0, 31)).addRow(t.fields.map((f) => f.title));
      await wb.xlsx.writeBuffer();
      bare += performance.now() - t0;
    }
    bareTimes.push(bare);
  }
  const fw = median(formTimes);
  const bw = median(bareTimes);
  return [
    `(a) own headers, ${ROWS.toLocaleString("en")}-row dues ledger, every header in the branch's words, checked with a confirmed mapping`,
    `    with the mapping: ${m.toFixed(0)} ms; the same ledger under the engine's own headers, no mapping: ${p.toFixed(0)} ms; same findings: ${same ? "yes" : "NO"}`,
    `    ratio mapped/plain: ${(m / p).toFixed(2)}× (target ≤ 1.2×: a mapping is applied once per sheet, not per cell)`,
    `(b) template infer over the ${forms.length} real forms (../shared/samples, samples-more), median of 3`,
    `    read + infer (red headers from the package): ${inf.toFixed(0)} ms (${(inf / forms.length).toFixed(1)} ms a form); reading the same files alone: ${r.toFixed(0)} ms`,
    `    ratio infer/read: ${(inf / r).toFixed(2)}×`,
    `(c) the Excel form of the ${BUILTIN_TEMPLATES.length} built-in templates (validations over 1,000 rows, notes, 填表说明), median of 3`,
    `    party-ledger form: ${fw.toFixed(0)} ms (${(fw / BUILTIN_TEMPLATES.length).toFixed(0)} ms a form); ExcelJS writing the header row alone: ${bw.toFixed(0)} ms; ratio ${(fw / bw).toFixed(2)}×`,
  ];
}

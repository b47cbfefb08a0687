import Ajv from "ajv";
import { checkSheet, BUILTIN_TEMPLATES, type CellValue } from "../shared/index.js";
import { buildFieldIndex } from "../shared/detect/field-match.js";
import { recogniseSheet } from "../shared/detect/recognise.js";
import { SheetView } from "../shared/grid/sheet-view.js";
import { DUES_HEADER, duesSheet } from "./dues-ledger.js";
import { median, time } from "./measure.js";

/**
 * (a) Engine time for normalise + validate against an ajv-compiled JSON Schema of the same
 * per-field constraints over the same rows, in the same process. Same input for both: the
 * raw grid; ajv's share includes turning each row into an object and mapping its errors
 * back to cells (validation-notes §4.3), ours includes header detection and all rules.
 */
const ROWS = 100_000;

function ajvValidator() {
  const money = { type: ["number", "null"], minimum: 0 };
  const properties: Record<string, object> = {
    姓名: { type: "string", minLength: 1 },
    身份证号码: { type: "string", pattern: "^\\d{17}[\\dX]$" },
    联系电话: { type: "string", pattern: "^1[3-9]\\d{9}$" },
    人员类别: { enum: ["在职", "离退休", "学生", "农民", "下岗失业", "抚恤救济", "低保", "困难减免"] },
    缴费基数: money,
    月应缴党费: money,
    年度: { type: "integer", minimum: 1949, maximum: 2100 },
    备注: { type: ["string", "null"] },
  };
  for (let m = 1; m <= 12; m++) properties[`${m}月`] = money;
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile({ type: "object", properties, required: ["姓名", "月应缴党费"] });
}

/** Half of the members with one wrong monthly amount each: one finding per bad row. */
function halfBadDues(rows: number) {
  const sheet = duesSheet(rows);
  for (let r = 2; r < sheet.values.length; r += 2) {
    const row = sheet.values[r]!;
    row[7] = (row[7] as number) + 3;
  }
  return sheet;
}

/**
 * (a') The engine at size, half of the rows bad (issue 13: a sheet with more findings than
 * push(...spread) takes crashed every host): 10k, 100k and 300k rows, time per row against the
 * 10k run (linear: the ratios stay near 1).
 */
export function benchEngineAtSize(): string[] {
  const out = ["(a') engine on a dues ledger with half of its rows bad (one wrong monthly amount each), 10k / 100k / 300k rows"];
  let base = 0;
  for (const rows of [10_000, 100_000, 300_000]) {
    const sheet = halfBadDues(rows);
    const runs: number[] = [];
    let findings = 0;
    for (let i = 0; i < (rows > 100_000 ? 1 : 3); i++) runs.push(time(() => (findings = checkSheet(sheet, { asOf: "2025-12-31" }).findings.length)));
    const ms = median(runs);
    const perRow = (ms / rows) * 1000;
    if (!base) base = perRow;
    out.push(`    ${rows.toLocaleString("en").padStart(7)} rows: ${ms.toFixed(0).padStart(6)} ms, ${findings.toLocaleString("en")} findings, ${perRow.toFixed(2)} µs a row (×${(perRow / base).toFixed(2)} the 10k run's)`);
  }
  return out;
}

export async function benchEngine(): Promise<string[]> {
  const sheet = duesSheet(ROWS);
  const validate = ajvValidator();
  const rows = sheet.values;
  const header = DUES_HEADER;
  const columnOf = new Map(header.map((h, i) => [h, i]));

  const runAjv = () => {
    const findings: { cell: string; keyword: string }[] = [];
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r]!;
      const obj: Record<string, CellValue> = {};
      for (let c = 0; c < header.length; c++) obj[header[c]!] = row[c] ?? null;
      if (!validate(obj)) {
        for (const e of validate.errors ?? []) {
          const col = columnOf.get(e.instancePath.slice(1)) ?? 0;
          findings.push({ cell: `${String.fromCharCode(65 + col)}${r + 1}`, keyword: e.keyword });
        }
      }
    }
    return findings.length;
  };
  const runEngine = () => checkSheet(sheet, { asOf: "2025-12-31" }).findings.length;
  // Header and column understanding alone: every template's header candidates, column profiles and foreign kinds.
  const indexes = BUILTIN_TEMPLATES.map(buildFieldIndex);
  const runDetection = () => (recogniseSheet(new SheetView(sheet), indexes).best ? 1 : 0);

  // Warm up both, then the median of five runs each, interleaved.
  runAjv();
  runEngine();
  const ajvTimes: number[] = [];
  const engineTimes: number[] = [];
  const detectionTimes: number[] = [];
  let engineFindings = 0;
  let ajvFindings = 0;
  for (let i = 0; i < 5; i++) {
    ajvTimes.push(time(() => (ajvFindings = runAjv())));
    engineTimes.push(time(() => (engineFindings = runEngine())));
    detectionTimes.push(time(runDetection));
  }
  const d = median(detectionTimes);
  const a = median(ajvTimes);
  const e = median(engineTimes);
  return [
    `(a) engine, ${ROWS.toLocaleString("en")} rows × ${header.length} columns, normalise + validate`,
    `    party-ledger engine: ${e.toFixed(0)} ms (${engineFindings} findings: detection, typing, brackets, unpaid runs, ID check digits)`,
    `    ajv 8 compiled JSON Schema (allErrors, same per-field constraints): ${a.toFixed(0)} ms (${ajvFindings} errors)`,
    `    ratio engine/ajv: ${(e / a).toFixed(2)}× (target ≤ 2×)`,
    `    header and column detection (${BUILTIN_TEMPLATES.length} templates, profiles of ≤ 200 rows): ${d.toFixed(1)} ms = ${((d / e) * 100).toFixed(1)}% of the engine's time`,
  ];
}

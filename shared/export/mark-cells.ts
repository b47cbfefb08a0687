import type ExcelJS from "exceljs";
import type { Finding, Lang, Severity } from "../findings/types.js";
import { exportText, severityLabel } from "./texts.js";

/** Light fills that keep the text readable: red for errors, amber for warnings, blue for info. */
export const SEVERITY_FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function noteLine(f: Finding, lang: Lang): string {
  const t = exportText(lang);
  const expected = f.expected ? (lang === "zh" ? `（${t.expected}：${f.expected}）` : ` (${t.expected}: ${f.expected})`) : "";
  return `[${severityLabel(f.severity, lang)}] ${f.message}${expected}`;
}

/** Appends our text to a note the cell may already carry, keeping its own runs. */
function combinedNote(existing: ExcelJS.Cell["note"], text: string): ExcelJS.Comment | string {
  if (!existing) return text;
  if (typeof existing === "string") return `${existing}\n\n${text}`;
  return { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${text}` }] };
}

/**
 * Fills each offending cell by its worst finding and adds a note listing all its findings.
 * The style is replaced by a copy: ExcelJS shares style objects between cells, and
 * mutating one would repaint every cell that had the same formatting.
 */
export function markCells(wb: ExcelJS.Workbook, findings: readonly Finding[], lang: Lang): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  for (const list of byCell.values()) {
    const first = list[0]!;
    const ws = wb.getWorksheet(first.sheet);
    if (!ws) continue;
    const cell = ws.getCell(first.cell!);
    const worst = list.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), first.severity);
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[worst] } },
    };
    const text = [exportText(lang).noteHeader, ...list.map((f) => noteLine(f, lang))].join("\n");
    cell.note = combinedNote(cell.note, text);
  }
}

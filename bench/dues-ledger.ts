import type { CellValue, SheetGrid } from "../shared/index.js";
import { checkCharacter } from "../shared/idcard/gb11643.js";

/**
 * A generated dues ledger: 100,000 members × 20 columns (name, ID, phone, category, base,
 * monthly amount, year, twelve months, note), with about 5% of rows carrying one error.
 */
export const DUES_HEADER = ["姓名", "身份证号码", "联系电话", "人员类别", "缴费基数", "月应缴党费", "年度", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), "备注"];

function id(seq: number): string {
  const body = `42010619${String(50 + (seq % 50)).padStart(2, "0")}${String((seq % 12) + 1).padStart(2, "0")}${String((seq % 28) + 1).padStart(2, "0")}${String(seq % 1000).padStart(3, "0")}`;
  return body + checkCharacter(body);
}

function dues(base: number): number {
  const rate = base <= 3000 ? 50 : base <= 5000 ? 100 : base <= 10000 ? 150 : 200;
  return Math.floor((base * 100 * rate + 5000) / 10000) / 100;
}

export function duesRows(count: number): CellValue[][] {
  const rows: CellValue[][] = [DUES_HEADER];
  for (let i = 0; i < count; i++) {
    const base = 2000 + ((i * 37) % 14000);
    const retired = i % 10 === 0;
    const amount = retired ? Math.floor((base * 100 * (base <= 5000 ? 50 : 100) + 5000) / 10000) / 100 : dues(base);
    const months: CellValue[] = Array.from({ length: 12 }, () => amount);
    const row: CellValue[] = [`党员${i}`, id(i), `138${String(i).padStart(8, "0")}`, retired ? "离退休" : "在职", base, amount, 2025, ...months, null];
    // About 5% of rows carry one error each: a wrong monthly amount, a missing name, a malformed ID.
    if (i % 60 === 7) row[5] = amount + 1;
    if (i % 60 === 27) row[0] = null;
    if (i % 60 === 47) row[1] = String(row[1]).slice(0, 16);
    if (i % 20 === 13) row[9] = null; // one unpaid month: not an error on its own
    rows.push(row);
  }
  return rows;
}

export function duesSheet(count: number): SheetGrid {
  return { name: "2025年党费", values: duesRows(count) };
}

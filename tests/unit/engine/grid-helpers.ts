import type { CellValue, SheetGrid, WorkbookGrid } from "../../../shared/index.js";
import { makeId as makeIdNumber } from "../../fixtures/ids.js";

/** A sheet from rows of values, as a test writes a ledger by hand. */
export function sheet(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, values: rows, ...extra };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** An Excel serial for a calendar date (1900 date system). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** A valid 18-digit ID for a birth date and sex, with its check digit computed. */
export function makeId(birth: string, sex: "男" | "女", area = "110105", seq = 12): string {
  return makeIdNumber(birth, sex === "男", seq, area);
}

/** Ledgers for the end-to-end tests, written as real .xlsx files with SheetJS. */
import { utils, write } from "@e965/xlsx";
import { checkCharacter } from "../../shared/idcard/gb11643.js";

/**
 * A valid 18-digit 公民身份号码 for a birth date (GB 11643-1999 check digit); an odd seq is a man.
 * Past 999 the sequence moves on to the next district (110106, 110107 …), so IDs stay unique.
 */
export function idNumber(birth: string, seq: number): string {
  const area = `1101${String(5 + Math.floor(seq / 1000)).padStart(2, "0")}`;
  const body = `${area}${birth.replace(/-/g, "")}${String(seq % 1000).padStart(3, "0")}`;
  return body + checkCharacter(body);
}

const HEADER = ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间", "联系电话", "所在党支部"];

function member(i: number): (string | number)[] {
  const year = 1970 + (i % 30);
  const birth = `${year}-0${1 + (i % 9)}-1${i % 10}`;
  return [`党员${i}`, i % 2 ? "男" : "女", birth, idNumber(birth, Math.floor(i / 90) * 2 + (i % 2)), `${year + 25}-07-01`, `${year + 26}-07-01`, `139${String(10000000 + i).slice(-8)}`, "第一党支部"];
}

function xlsx(rows: (string | number | null)[][], sheet = "花名册"): Buffer {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), sheet);
  return write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/**
 * A roster with planted errors, one per kind, at known cells:
 * A4 missing name, B5 sex "男性", D6 wrong check digit, D7 duplicate of D3, G8 a phone of 5 digits.
 */
export function plantedRoster(): { bytes: Buffer; planted: string[] } {
  const rows: (string | number | null)[][] = [HEADER, ...Array.from({ length: 12 }, (_, i) => member(i + 1))];
  rows[3]![0] = null;
  rows[4]![1] = "男性";
  const d6 = String(rows[5]![3]);
  rows[5]![3] = d6.slice(0, 17) + (d6.endsWith("0") ? "1" : "0");
  rows[6]![3] = rows[2]![3]!;
  rows[7]![6] = "12345";
  return { bytes: xlsx(rows), planted: ["A4", "B5", "D6", "D7", "G8"] };
}

/** The planted roster followed by a second sheet of notes (edits there leave the roster's findings stale, not re-checked). */
export function rosterWithNotes(): Buffer {
  const wb = utils.book_new();
  const rows: (string | number | null)[][] = [HEADER, ...Array.from({ length: 12 }, (_, i) => member(i + 1))];
  rows[3]![0] = null;
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), "花名册");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["备注"], ["第一季度已核对"]]), "说明");
  return write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/** A clean roster of n members (for timing). */
export function bigRoster(n: number): Buffer {
  return xlsx([HEADER, ...Array.from({ length: n }, (_, i) => member(i + 1))]);
}

import { ApiError } from "./errors.js";
import type { Bindings } from "../env.js";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../shared/xlsx/limits.js";
import { a1 } from "../../shared/grid/a1.js";

/**
 * One cap on the cells of a submission, whether it arrives as grid JSON or as a file in any
 * format: the Worker has 128 MB, and the largest submission the cap admits must peak well below
 * that (bench/memory.ts measures it; bench/RESULTS.md has the figures). Counted before anything
 * is validated or built: on the bytes and the parsed JSON, or on the file as it is read.
 */
export const DEFAULT_MAX_CELLS = 1_000_000;

export const maxCells = (env: Pick<Bindings, "MAX_CELLS">) => (Number(env.MAX_CELLS) > 0 ? Number(env.MAX_CELLS) : DEFAULT_MAX_CELLS);

/** The reader's caps for an uploaded file: the submission's cell cap for each sheet and for the workbook. */
export function uploadLimits(env: Pick<Bindings, "MAX_CELLS">): Partial<ReadLimits> {
  const cap = maxCells(env);
  return { maxCellsPerSheet: cap, maxCells: cap };
}

export interface GridSize {
  cells: number;
  /** The longest text of one cell, and where it is. */
  longest: { chars: number; sheet: string; cell: string } | null;
}

/** Cells of a grid-shaped value and its longest text, without trusting its shape (it is not validated yet). */
export function gridSize(grid: unknown): GridSize {
  const out: GridSize = { cells: 0, longest: null };
  const sheets = (grid as { sheets?: unknown } | null)?.sheets;
  if (!Array.isArray(sheets)) return out;
  for (const s of sheets) {
    const values = (s as { values?: unknown } | null)?.values;
    if (!Array.isArray(values)) continue;
    values.forEach((row: unknown, r) => {
      if (!Array.isArray(row)) return;
      out.cells += row.length;
      row.forEach((v: unknown, c) => {
        if (typeof v === "string" && v.length > (out.longest?.chars ?? 0)) out.longest = { chars: v.length, sheet: String((s as { name?: unknown }).name), cell: a1(r, c) };
      });
    });
  }
  return out;
}

/** What a clerk can do with a ledger over the cap: split it, or check it whole with the command line (far larger limits). */
export const CELL_CAP_ADVICE = {
  zh: "请把台账拆成几份分别报送；如需一次检查整本台账，请在本机用命令行工具 party-ledger check 检查。",
  en: "Split it into several submissions, or check the whole ledger on your computer with the command line (party-ledger check).",
};

/** 413 above the cap, saying the cap and what to do. `cells` is null when only "more than the cap" is known. */
export function tooManyCells(cells: number | null, cap: number) {
  return new ApiError(
    413,
    "too_many_cells",
    `${cells === null ? "台账" : `台账共有 ${cells} 个单元格，`}超过每次报送 ${cap} 个单元格的上限。${CELL_CAP_ADVICE.zh}`,
    `${cells === null ? "The ledger has more cells than" : `The ledger has ${cells} cells, over`} the limit of ${cap} per submission. ${CELL_CAP_ADVICE.en}`,
    { ...(cells === null ? {} : { cells }), maxCells: cap },
  );
}

/** The reader's refusal of a file over the cap, worded for a submission: the cap per submission, and what to do. */
export function uploadOverCap(reader: { messageZh: string; messageEn: string }, cap: number) {
  return {
    zh: `${reader.messageZh.replace(/，超过 \d+ 的上限，请拆分后再检查。$/, "")}，超过每次报送 ${cap} 个单元格的上限。${CELL_CAP_ADVICE.zh}`,
    en: `${reader.messageEn.replace(/, over the limit of \d+; split it and check again\.$/, "")}, over the limit of ${cap} cells per submission. ${CELL_CAP_ADVICE.en}`,
  };
}

/** The same limit on one cell's text as the readers' (Excel's own 32,767 characters). */
export const MAX_CELL_CHARS = DEFAULT_READ_LIMITS.maxCellChars;

export function assertGridSize(size: GridSize, cap: number): void {
  if (size.cells > cap) throw tooManyCells(size.cells, cap);
  const l = size.longest;
  if (l && l.chars > MAX_CELL_CHARS) {
    throw new ApiError(
      413,
      "cell_too_long",
      `工作表"${l.sheet}"的单元格 ${l.cell} 有 ${l.chars} 个字符，超过每个单元格 ${MAX_CELL_CHARS} 个字符的上限，请删减后再报送`,
      `Cell ${l.cell} of sheet "${l.sheet}" holds ${l.chars} characters, over the limit of ${MAX_CELL_CHARS} per cell; shorten it and submit again`,
      { sheet: l.sheet, cell: l.cell, chars: l.chars, maxChars: MAX_CELL_CHARS },
    );
  }
}

/**
 * Values a JSON text can hold at most, counted on its bytes before it is parsed: every value
 * but the first of an array or object follows a comma, and every array or object opens with a
 * bracket. Strings are skipped (a comma inside one is text). A body over the cap is refused
 * without building it; a grid of C cells has at most about 3C of these (values, formats, rows).
 */
export function jsonValueBound(bytes: Uint8Array): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x2c || b === 0x5b || b === 0x7b) n++;
  }
  return n;
}

/** The structural bound above which a body cannot be a grid within the cap (values, their formats, rows, the rest). */
export const jsonBoundFor = (cap: number) => 3 * cap + 10_000;

/**
 * How many bytes a grid takes as JSON, roughly (an uploaded file's grid is never serialised: this
 * sizes what an export reading it again costs). Text counts three bytes a character, at most.
 */
export function estimateGridJsonBytes(grid: { sheets: { values: unknown[][]; numberFormats?: unknown[][] }[] }): number {
  let n = 20;
  for (const s of grid.sheets) {
    n += 64;
    for (const row of s.values) {
      n += 2;
      for (const v of row) n += typeof v === "string" ? v.length * 3 + 3 : typeof v === "number" ? 12 : v === null ? 5 : 16;
    }
    for (const row of s.numberFormats ?? []) {
      n += 2;
      for (const f of row) n += typeof f === "string" ? f.length + 3 : 5;
    }
  }
  return n;
}

import { ApiError } from "./errors.js";
import type { Bindings } from "../env.js";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../shared/xlsx/limits.js";
import { a1 } from "../../shared/grid/a1.js";

/**
 * One cap on the cells of a submission, whether it arrives as grid JSON or as a file in any
 * format: the Worker has 128 MB, and the largest submission the cap admits must peak well below
 * 100 MB. Measured (bench/memory.ts, the Worker's code path under a 128 MB heap, Node's uncompressed
 * pointers): a roster or dues ledger of 150,000 cells peaks at 30–45 MB; the worst case, a ledger
 * wrong in every row (0.6 findings a cell, refused above MAX_FINDINGS), at 76 MB; at 200,000 cells
 * that worst case reaches 99 MB. Counted before anything is validated or built: on the bytes and
 * the parsed JSON, or on the file as it is read. The CLI and the pane keep the readers' own caps.
 */
export const DEFAULT_MAX_CELLS = 150_000;

export const maxCells = (env: Pick<Bindings, "MAX_CELLS">) => (Number(env.MAX_CELLS) > 0 ? Number(env.MAX_CELLS) : DEFAULT_MAX_CELLS);

const DEFAULT_MAX_BODY = 8 * 1024 * 1024;
export const maxBodyBytes = (env: Pick<Bindings, "MAX_BODY_BYTES">) => Number(env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY;

/**
 * The reader's caps for an uploaded file: the submission's cell cap for each sheet and for the
 * workbook, and at most twice the body limit once inflated (a sheet at the cell cap is a fraction
 * of that; the text a file may unpack into memory is bounded like a JSON body's).
 */
export function uploadLimits(env: Pick<Bindings, "MAX_CELLS" | "MAX_BODY_BYTES">): Partial<ReadLimits> {
  const cap = maxCells(env);
  const inflated = 2 * maxBodyBytes(env);
  return { maxCellsPerSheet: cap, maxCells: cap, maxEntryBytes: inflated, maxTotalBytes: inflated, ratioFloorBytes: Math.min(DEFAULT_READ_LIMITS.ratioFloorBytes, inflated) };
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

/**
 * The most findings one submission may store. A ledger the engine finds this much wrong with was
 * mostly read or filled wrongly as a whole (a column shifted, the wrong 报送任务); its report would
 * cost more memory than the Worker has. Refused with the counts, nothing stored.
 */
export const DEFAULT_MAX_FINDINGS = 50_000;

export const maxFindings = (env: Pick<Bindings, "MAX_FINDINGS">) => (Number(env.MAX_FINDINGS) > 0 ? Number(env.MAX_FINDINGS) : DEFAULT_MAX_FINDINGS);

export function tooManyFindings(found: number, cap: number, counts: { errors: number; warnings: number; infos: number }) {
  return new ApiError(
    422,
    "too_many_findings",
    `台账中发现了 ${found} 处问题，超过每次报送 ${cap} 处的上限，没有保存。这么多问题多半是整列填错、表头错位或选错了报送任务。请先在任务窗格或用命令行工具 party-ledger check 检查改正，再报送。`,
    `The engine found ${found} problems in the ledger, over the limit of ${cap} per submission; nothing was stored. So many usually means a whole column is wrong, the header is shifted, or it is the wrong collection. Check and correct it in the task pane or with the command line (party-ledger check), then submit again.`,
    { findings: found, maxFindings: cap, counts },
  );
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

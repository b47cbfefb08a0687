import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CheckOptions } from "../shared/check/options.js";
import type { GridSource, WorkbookGrid } from "../shared/grid/types.js";
import { checkBook, checkWorkbook } from "../shared/index.js";
import type { CheckReport } from "../shared/findings/types.js";
import { isLedgerReadError, readWorkbookFile } from "../shared/reader/index.js";
import { cliText } from "./messages.js";
import { nodeInflateRaw } from "./node-inflate.js";
import type { FileOutcome } from "./outcome.js";

type Failure = Extract<FileOutcome, { ok: false }>;
export type ReadInput = { ok: true; file: string; grid: WorkbookGrid; bytes: Uint8Array; source?: GridSource } | { ok: false; outcome: Failure };

function failure(file: string, err: unknown): Failure {
  if (isLedgerReadError(err)) return { file, ok: false, code: err.code, messageZh: err.messageZh, messageEn: err.messageEn };
  // The engine's own option errors (an unknown --template) carry both languages.
  if (hasBilingualMessage(err)) return { file, ok: false, code: err.code ?? "options", messageZh: err.messageZh, messageEn: err.messageEn };
  const why = err instanceof Error ? err.message : String(err);
  return { file, ok: false, code: "internal", messageZh: cliText("zh").engineFailed(why), messageEn: cliText("en").engineFailed(why) };
}

/** Reads one file into the grid; never throws: an unreadable file is an outcome. */
export async function readInput(file: string): Promise<ReadInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, outcome: { file, ok: false, code: "io", messageZh: `无法打开文件：${why}`, messageEn: `cannot open the file: ${why}` } };
  }
  try {
    const grid = readWorkbookFile(bytes, { fileName: file, inflateRaw: nodeInflateRaw });
    return { ok: true, file, grid, bytes, ...(grid.source ? { source: grid.source } : {}) };
  } catch (err) {
    return { ok: false, outcome: failure(file, err) };
  }
}

/**
 * Reads and checks one file; never throws: an unreadable file is an outcome too. The file's bytes
 * come back only when asked for (an annotated copy is written over them): otherwise they are let
 * go before the check, which is when a large ledger needs its memory most.
 */
export async function checkFile(file: string, opts: CheckOptions, keepBytes = false): Promise<{ outcome: FileOutcome; bytes?: Uint8Array }> {
  let input: ReadInput | null = await readInput(file);
  if (!input.ok) return { outcome: input.outcome };
  const { grid, source } = input;
  const bytes = keepBytes ? input.bytes : undefined;
  input = null;
  try {
    const report = checkWorkbook(grid, { ...opts, fileName: basename(file) });
    return { outcome: { file, ok: true, report, ...(source ? { source } : {}) }, ...(bytes ? { bytes } : {}) };
  } catch (err) {
    return { outcome: failure(file, err) };
  }
}

/**
 * The files given with --book, checked as one branch's book: each file's sheets as themselves,
 * then against each other. The book's report is handed back file by file, so every file has
 * its own block; a finding of the book names the related file's entry.
 */
export function checkFilesAsBook(inputs: Extract<ReadInput, { ok: true }>[], opts: CheckOptions): FileOutcome[] {
  let report: CheckReport;
  try {
    report = checkBook(inputs.map((i) => ({ grid: i.grid, file: i.file })), opts);
  } catch (err) {
    return inputs.map((i) => failure(i.file, err));
  }
  const strip = <T extends { file?: string }>(x: T): T => {
    const { file: _file, ...rest } = x;
    return rest as T;
  };
  return inputs.map((i) => {
    const mine = (x: { file?: string }) => x.file === i.file || (inputs.length === 1 && x.file === undefined);
    const part: CheckReport = { sheets: report.sheets.filter(mine).map(strip), findings: report.findings.filter(mine).map(strip) };
    return { file: i.file, ok: true as const, report: part, ...(i.source ? { source: i.source } : {}) };
  });
}

function hasBilingualMessage(e: unknown): e is { code?: string; messageZh: string; messageEn: string } {
  return typeof e === "object" && e !== null && typeof (e as { messageZh?: unknown }).messageZh === "string" && typeof (e as { messageEn?: unknown }).messageEn === "string";
}

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CheckOptions } from "../shared/check/options.js";
import { checkWorkbook } from "../shared/index.js";
import { isLedgerReadError, readWorkbookFile } from "../shared/reader/index.js";
import { cliText } from "./messages.js";
import { nodeInflateRaw } from "./node-inflate.js";
import type { FileOutcome } from "./outcome.js";

/** Reads and checks one file; never throws: an unreadable file is an outcome too. */
export async function checkFile(file: string, opts: CheckOptions): Promise<{ outcome: FileOutcome; bytes?: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { outcome: { file, ok: false, code: "io", messageZh: `无法打开文件：${why}`, messageEn: `cannot open the file: ${why}` } };
  }
  try {
    const grid = readWorkbookFile(bytes, { fileName: file, inflateRaw: nodeInflateRaw });
    const report = checkWorkbook(grid, { ...opts, fileName: basename(file) });
    return { outcome: { file, ok: true, report, ...(grid.source ? { source: grid.source } : {}) }, bytes };
  } catch (err) {
    if (isLedgerReadError(err)) {
      return { outcome: { file, ok: false, code: err.code, messageZh: err.messageZh, messageEn: err.messageEn } };
    }
    // The engine's own option errors (an unknown --template) carry both languages.
    if (hasBilingualMessage(err)) {
      return { outcome: { file, ok: false, code: err.code ?? "options", messageZh: err.messageZh, messageEn: err.messageEn } };
    }
    const why = err instanceof Error ? err.message : String(err);
    return {
      outcome: { file, ok: false, code: "internal", messageZh: cliText("zh").engineFailed(why), messageEn: cliText("en").engineFailed(why) },
    };
  }
}

function hasBilingualMessage(e: unknown): e is { code?: string; messageZh: string; messageEn: string } {
  return typeof e === "object" && e !== null && typeof (e as { messageZh?: unknown }).messageZh === "string" && typeof (e as { messageEn?: unknown }).messageEn === "string";
}

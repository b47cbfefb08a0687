/**
 * Why a file could not be read. Hosts show `messageZh` (or `messageEn`) as is: the
 * user gets one clear sentence instead of a parser's stack trace.
 */
export type ReadErrorCode =
  | "empty-file"
  | "not-xlsx"
  | "xls-biff"
  | "encrypted"
  | "truncated"
  | "corrupt"
  | "too-large"
  | "zip-bomb"
  | "too-many-rows"
  | "too-many-cells"
  | "cell-too-long"
  | "empty-workbook";

export class LedgerReadError extends Error {
  readonly code: ReadErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: ReadErrorCode, messageZh: string, messageEn: string, options?: { cause?: unknown }) {
    super(`${messageZh} / ${messageEn}`, options);
    this.name = "LedgerReadError";
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** The message in the user's language. */
  messageIn(lang: "zh" | "en"): string {
    return lang === "en" ? this.messageEn : this.messageZh;
  }
}

export function isLedgerReadError(e: unknown): e is LedgerReadError {
  return e instanceof LedgerReadError;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** One constructor per failure, so every host words the same failure the same way. */
export const readErrors = {
  emptyFile: () => new LedgerReadError("empty-file", "文件是空的（0 字节）。", "The file is empty (0 bytes)."),
  notXlsx: () =>
    new LedgerReadError(
      "not-xlsx",
      "这不是 Excel 工作簿（.xlsx）文件，请在 Excel 中另存为 .xlsx 后再检查。",
      "This is not an Excel workbook (.xlsx); save it as .xlsx in Excel and check it again.",
    ),
  zipNotWorkbook: (hint: string | null) =>
    new LedgerReadError(
      "not-xlsx",
      `这是压缩包，但不是 Excel 工作簿（.xlsx）${hint ? `（看起来是 ${hint}）` : ""}，请在 Excel 中另存为 .xlsx。`,
      `This is a zip archive but not an Excel workbook (.xlsx)${hint ? ` (it looks like ${hint})` : ""}; save it as .xlsx in Excel.`,
    ),
  xlsBiff: () =>
    new LedgerReadError(
      "xls-biff",
      "这是旧版 .xls 文件，请另存为 .xlsx（Excel：文件 → 另存为 → Excel 工作簿）。",
      "This is a legacy .xls file; save it as .xlsx (Excel: File → Save As → Excel Workbook).",
    ),
  encrypted: () =>
    new LedgerReadError(
      "encrypted",
      "文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存再检查。",
      "The file is password protected (encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and check again.",
    ),
  truncated: () =>
    new LedgerReadError(
      "truncated",
      "文件不完整（可能下载或复制时被截断），请重新获取原文件。",
      "The file is incomplete (probably cut off while downloading or copying); get the original file again.",
    ),
  corrupt: (detailEn: string) =>
    new LedgerReadError(
      "corrupt",
      `文件已损坏，无法读取（${detailEn}）。请用 Excel 打开并另存为 .xlsx 后再试。`,
      `The file is damaged and cannot be read (${detailEn}). Open it in Excel, save it as .xlsx and try again.`,
    ),
  tooLarge: (bytes: number, limitBytes: number) =>
    new LedgerReadError(
      "too-large",
      `文件有 ${mb(bytes)}，超过 ${mb(limitBytes)} 的上限，请拆分后再检查。`,
      `The file is ${mb(bytes)}, over the ${mb(limitBytes)} limit; split it and check again.`,
    ),
  zipBomb: (part: string, limitBytes: number) =>
    new LedgerReadError(
      "zip-bomb",
      `文件解压后异常巨大（${part} 超过 ${mb(limitBytes)} 上限），疑似"压缩炸弹"，已拒绝读取。`,
      `The file expands to an abnormal size (${part} exceeds the ${mb(limitBytes)} limit); it looks like a zip bomb and was refused.`,
    ),
  zipBombTotal: (limitBytes: number) =>
    new LedgerReadError(
      "zip-bomb",
      `文件解压后总大小超过 ${mb(limitBytes)} 上限，疑似"压缩炸弹"，已拒绝读取。`,
      `The file expands to more than the ${mb(limitBytes)} limit in total; it looks like a zip bomb and was refused.`,
    ),
  zipBombRatio: (part: string, ratio: number) =>
    new LedgerReadError(
      "zip-bomb",
      `文件压缩比异常（${part} 达到 ${Math.round(ratio)}:1），疑似"压缩炸弹"，已拒绝读取。`,
      `The file has an abnormal compression ratio (${part} at ${Math.round(ratio)}:1); it looks like a zip bomb and was refused.`,
    ),
  tooManyEntries: (count: number, limit: number) =>
    new LedgerReadError(
      "zip-bomb",
      `文件内部包含 ${count} 个部件，超过 ${limit} 的上限，已拒绝读取。`,
      `The file holds ${count} parts, over the limit of ${limit}; it was refused.`,
    ),
  tooManyRows: (sheet: string, rows: number, limit: number) =>
    new LedgerReadError(
      "too-many-rows",
      `工作表"${sheet}"有数据直到第 ${rows} 行，超过 ${limit} 行的上限。请删除多余的行（或拆分成几个文件）后再检查。`,
      `Sheet "${sheet}" has data down to row ${rows}, over the limit of ${limit} rows. Delete the surplus rows (or split the file) and check again.`,
    ),
  tooManyCells: (sheet: string, cells: number, limit: number) =>
    new LedgerReadError(
      "too-many-cells",
      `工作表"${sheet}"有 ${cells} 个单元格，超过 ${limit} 的上限，请拆分后再检查。`,
      `Sheet "${sheet}" has ${cells} cells, over the limit of ${limit}; split it and check again.`,
    ),
  cellTooLong: (sheet: string, cell: string, chars: number, limit: number) =>
    new LedgerReadError(
      "cell-too-long",
      `工作表"${sheet}"的单元格 ${cell} 有 ${chars} 个字符，超过每个单元格 ${limit} 个字符的上限（Excel 自身的上限），请删减后再检查。`,
      `Cell ${cell} of sheet "${sheet}" holds ${chars} characters, over the limit of ${limit} per cell (Excel's own); shorten it and check again.`,
    ),
  emptyWorkbook: () =>
    new LedgerReadError(
      "empty-workbook",
      "工作簿里没有任何数据（所有工作表都是空的）。",
      "The workbook holds no data (every sheet is empty).",
    ),
};

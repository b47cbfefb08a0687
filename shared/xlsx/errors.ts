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
  | "empty-workbook"
  | "unsupported-format"
  | "not-text";

/** The program whose menus a message names: WPS 表格 for WPS files, Excel otherwise. */
export type SpreadsheetApp = "excel" | "wps";

export class LedgerReadError extends Error {
  readonly code: ReadErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;

  /** The same refusal worded for another program's menus, when the wording names one. */
  private readonly reword: ((app: SpreadsheetApp) => LedgerReadError) | undefined;

  constructor(code: ReadErrorCode, messageZh: string, messageEn: string, options?: { cause?: unknown; reword?: (app: SpreadsheetApp) => LedgerReadError }) {
    super(`${messageZh} / ${messageEn}`, options);
    this.name = "LedgerReadError";
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.reword = options?.reword;
  }

  /** This refusal in the words of `app` (WPS 表格's menus for a WPS file); itself when nothing changes. */
  forApp(app: SpreadsheetApp): LedgerReadError {
    return this.reword ? this.reword(app) : this;
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

/** What to do, in the menus of the program the clerk uses. */
function saveAs(app: SpreadsheetApp) {
  return app === "wps"
    ? {
        zh: "请在 WPS 表格中打开，点 文件 → 另存为，文件类型选「Excel 文件（*.xlsx）」",
        en: "open it in WPS Spreadsheets and use File → Save As with the type “Excel file (*.xlsx)”",
        zhOpen: "请用 WPS 表格打开，文件 → 另存为「Excel 文件（*.xlsx）」",
        enOpen: "Open it in WPS Spreadsheets and save it as an Excel file (*.xlsx) (File → Save As)",
      }
    : {
        zh: "请在 Excel 中打开并另存为 .xlsx（文件 → 另存为 → Excel 工作簿）",
        en: "open it in Excel and save it as .xlsx (File → Save As → Excel Workbook)",
        zhOpen: "请用 Excel 打开并另存为 .xlsx",
        enOpen: "Open it in Excel, save it as .xlsx",
      };
}
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** One constructor per failure, so every host words the same failure the same way. */
export const readErrors = {
  emptyFile: () => new LedgerReadError("empty-file", "文件是空的（0 字节）。", "The file is empty (0 bytes)."),
  notXlsx: (app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError("not-xlsx", `这不是能读取的表格文件，${saveAs(app).zh}后再检查。`, `This is not a spreadsheet file that can be read; ${saveAs(app).en} and check it again.`, {
      reword: (a) => readErrors.notXlsx(a),
    }),
  zipNotWorkbook: (hint: string | null, app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError(
      "not-xlsx",
      `这是压缩包，但不是 Excel 工作簿（.xlsx）${hint ? `（看起来是 ${hint}）` : ""}，${saveAs(app).zh}。`,
      `This is a zip archive but not an Excel workbook (.xlsx)${hint ? ` (it looks like ${hint})` : ""}; ${saveAs(app).en}.`,
      { reword: (a) => readErrors.zipNotWorkbook(hint, a) },
    ),
  /** A format that holds a table but is not one this reads (.xlsb, Numbers, a web page saved as .xls, Excel 4.0 and older). */
  unsupportedFormat: (what: { zh: string; en: string }, app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError("unsupported-format", `这是${what.zh}，无法直接检查，${saveAs(app).zh}后再检查。`, `This is ${what.en}, which cannot be checked directly; ${saveAs(app).en} and check it again.`, {
      reword: (a) => readErrors.unsupportedFormat(what, a),
    }),
  /** Named .csv/.txt (or with no name) but not text in any encoding clerks use. */
  notText: (app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError(
      "not-text",
      `文件名是文本（CSV）文件，但内容不是文本（可能是图片、压缩包或已损坏的文件），${saveAs(app).zh}后再检查。`,
      `The file is named as a text (CSV) file but does not hold text (it may be an image, an archive or a damaged file); ${saveAs(app).en} and check it again.`,
      { reword: (a) => readErrors.notText(a) },
    ),
  xlsBiff: (app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError("xls-biff", `这是很旧版本的 .xls 文件（Excel 4.0 或更早），无法读取，${saveAs(app).zh}。`, `This is a very old .xls file (Excel 4.0 or earlier) that cannot be read; ${saveAs(app).en}.`, {
      reword: (a) => readErrors.xlsBiff(a),
    }),
  encrypted: (app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError(
      "encrypted",
      app === "wps"
        ? "文件设置了打开密码（已加密），无法读取。请在 WPS 表格中取消密码（文件 → 文档加密 → 密码加密，清空打开密码）后保存，再检查。"
        : "文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存再检查。",
      app === "wps"
        ? "The file is password protected (encrypted) and cannot be read. Remove the password in WPS Spreadsheets (File → Document Encryption → Password Encryption, clear the open password), save, and check again."
        : "The file is password protected (encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and check again.",
      { reword: (a) => readErrors.encrypted(a) },
    ),
  truncated: () =>
    new LedgerReadError(
      "truncated",
      "文件不完整（可能下载或复制时被截断），请重新获取原文件。",
      "The file is incomplete (probably cut off while downloading or copying); get the original file again.",
    ),
  corrupt: (detailEn: string, app: SpreadsheetApp = "excel"): LedgerReadError =>
    new LedgerReadError("corrupt", `文件已损坏，无法读取（${detailEn}）。${saveAs(app).zhOpen}后再试。`, `The file is damaged and cannot be read (${detailEn}). ${saveAs(app).enOpen} and try again.`, {
      reword: (a) => readErrors.corrupt(detailEn, a),
    }),
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
  tooManyCellsTotal: (cells: number, limit: number) =>
    new LedgerReadError(
      "too-many-cells",
      `工作簿共有 ${cells} 个单元格，超过 ${limit} 的上限，请拆分后再检查。`,
      `The workbook has ${cells} cells, over the limit of ${limit}; split it and check again.`,
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

import type { GridSource } from "../grid/types.js";
import type { Lang } from "../findings/types.js";

const FORMAT = {
  zh: { xlsx: "Excel 工作簿（.xlsx）", xls: "Excel 97–2003 工作簿（.xls）", xls5: "Excel 5.0/95 工作簿（.xls）", et: "WPS 表格文件（.et）", ods: "OpenDocument 表格（.ods）", csv: "CSV 文本" },
  en: { xlsx: "Excel workbook (.xlsx)", xls: "Excel 97–2003 workbook (.xls)", xls5: "Excel 5.0/95 workbook (.xls)", et: "WPS Spreadsheets file (.et)", ods: "OpenDocument spreadsheet (.ods)", csv: "CSV text" },
};

const ENCODING: Record<string, { zh: string; en: string }> = {
  "UTF-8": { zh: "UTF-8 编码", en: "UTF-8" },
  "UTF-8-BOM": { zh: "UTF-8 编码（带 BOM）", en: "UTF-8 with BOM" },
  GBK: { zh: "GBK 编码", en: "GBK" },
  GB18030: { zh: "GB18030 编码", en: "GB18030" },
  "UTF-16LE": { zh: "UTF-16 编码", en: "UTF-16 (little-endian)" },
  "UTF-16BE": { zh: "UTF-16 编码（大端）", en: "UTF-16 (big-endian)" },
};

const DELIMITER: Record<string, { zh: string; en: string }> = {
  ",": { zh: "逗号分隔", en: "comma-separated" },
  ";": { zh: "分号分隔", en: "semicolon-separated" },
  "\t": { zh: "制表符分隔", en: "tab-separated" },
  "|": { zh: "竖线分隔", en: "pipe-separated" },
};

/** 「CSV 文本（GBK 编码，逗号分隔）」: what was read, for every host to show beside the findings. */
export function describeSource(source: GridSource, lang: Lang): string {
  const f = FORMAT[lang];
  const name = source.format === "xls" && source.biff === 5 ? f.xls5 : f[source.format];
  const details = [source.encoding ? ENCODING[source.encoding]?.[lang] : undefined, source.delimiter ? DELIMITER[source.delimiter]?.[lang] : undefined].filter(
    (d): d is string => Boolean(d),
  );
  const open = lang === "zh" ? "（" : " (";
  const close = lang === "zh" ? "）" : ")";
  const sep = lang === "zh" ? "，" : ", ";
  let text = details.length ? `${name}${open}${details.join(sep)}${close}` : name;
  if (source.namedAs) text += lang === "zh" ? `；文件扩展名是 ${source.namedAs}，内容其实是${name.replace(/（.*$/, "")}` : `; the file is named ${source.namedAs} but holds ${name}`;
  return text;
}

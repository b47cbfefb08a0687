import type { Lang } from "../shared/findings/types.js";

/** The command line's own words (findings bring their messages from the engine). */
const TEXT = {
  zh: {
    file: "文件",
    sheet: (name: string) => `工作表「${name}」`,
    recognised: (kind: string, tpl: string) => `${kind}（模板 ${tpl}）`,
    notRecognised: "未识别为台账",
    headerRow: (row: number) => `表头在第 ${row} 行`,
    dataRows: (rows: number) => `${rows} 行数据`,
    matched: "识别依据",
    reason: "说明",
    expected: "应为",
    noProblems: "未发现问题",
    total: "合计",
    filesChecked: (n: number) => `共检查 ${n} 个文件`,
    filesUnreadable: (n: number) => `${n} 个文件无法读取`,
    unreadable: "无法读取",
    noXlsxFound: (p: string) => `"${p}" 中没有 .xlsx 文件`,
    notFound: (p: string) => `找不到 "${p}"`,
    badAsOf: (v: string) => `--as-of 应为 YYYY-MM-DD 格式的日期，而不是 "${v}"`,
    badFormat: (v: string) => `--format 只能是 text 或 json，而不是 "${v}"`,
    badLang: (v: string) => `--lang 只能是 zh 或 en，而不是 "${v}"`,
    badTemplate: (v: string) => `--template 应写成 id 或 id@版本号，而不是 "${v}"`,
    badRules: (f: string, why: string) => `规则集文件 "${f}" 无效：${why}`,
    engineFailed: (why: string) => `检查时出错：${why}`,
    annotated: (p: string) => `已写出标注副本：${p}`,
    annotateFailed: (f: string, why: string) => `无法为 "${f}" 写出标注副本：${why}`,
    annotateDirHoldsInputs: (dir: string, input: string) =>
      `标注副本的文件夹 "${dir}" 里有要检查的文件（如 "${input}"）。请换一个空文件夹；确要写在这里，请加 --annotate-in-input-folder（副本仍不会覆盖任何文件）。`,
    resultsSheet: "检查结果",
    columns: ["工作表", "单元格", "严重程度", "问题", "应为", "规则"],
    noteHeader: "党建台账助手：",
  },
  en: {
    file: "File",
    sheet: (name: string) => `Sheet "${name}"`,
    recognised: (kind: string, tpl: string) => `${kind} (template ${tpl})`,
    notRecognised: "not recognised as a ledger",
    headerRow: (row: number) => `header in row ${row}`,
    dataRows: (rows: number) => `${rows} data rows`,
    matched: "matched",
    reason: "why",
    expected: "expected",
    noProblems: "No problems found",
    total: "Total",
    filesChecked: (n: number) => `${n} files checked`,
    filesUnreadable: (n: number) => `${n} could not be read`,
    unreadable: "cannot be read",
    noXlsxFound: (p: string) => `no .xlsx files in "${p}"`,
    notFound: (p: string) => `"${p}" does not exist`,
    badAsOf: (v: string) => `--as-of must be a date as YYYY-MM-DD, not "${v}"`,
    badFormat: (v: string) => `--format must be text or json, not "${v}"`,
    badLang: (v: string) => `--lang must be zh or en, not "${v}"`,
    badTemplate: (v: string) => `--template must be id or id@version, not "${v}"`,
    badRules: (f: string, why: string) => `rule set file "${f}" is invalid: ${why}`,
    engineFailed: (why: string) => `the check failed: ${why}`,
    annotated: (p: string) => `annotated copy written: ${p}`,
    annotateFailed: (f: string, why: string) => `cannot write an annotated copy of "${f}": ${why}`,
    annotateDirHoldsInputs: (dir: string, input: string) =>
      `the folder for annotated copies "${dir}" holds files being checked (e.g. "${input}"). Choose an empty folder, or add --annotate-in-input-folder to write there anyway (copies still never replace a file).`,
    resultsSheet: "检查结果",
    columns: ["Sheet", "Cell", "Severity", "Problem", "Expected", "Rule"],
    noteHeader: "party-ledger:",
  },
} as const;

export type CliText = (typeof TEXT)["zh"] | (typeof TEXT)["en"];

export function cliText(lang: Lang): CliText {
  return TEXT[lang];
}

export { severityLabel } from "../shared/findings/summary.js";

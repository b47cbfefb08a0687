import type { Lang } from "../findings/types.js";

/** The words of an annotated workbook (cell notes, the results sheet), shared by the CLI and the pane's 下载. */
const TEXT = {
  zh: {
    expected: "应为",
    noProblems: "未发现问题",
    resultsSheet: "检查结果",
    columns: ["工作表", "单元格", "严重程度", "问题", "应为", "规则"],
    noteHeader: "党建台账助手：",
    unchecked: (sheet: string, why: string) => `工作表「${sheet}」未检查：${why}`,
    why: { unrecognised: "看不出是哪种台账", hidden: "隐藏的工作表", empty: "空表", instructions: "只有填表说明" } as Record<string, string>,
  },
  en: {
    expected: "expected",
    noProblems: "No problems found",
    resultsSheet: "检查结果",
    columns: ["Sheet", "Cell", "Severity", "Problem", "Expected", "Rule"],
    noteHeader: "party-ledger:",
    unchecked: (sheet: string, why: string) => `Sheet "${sheet}" not checked: ${why}`,
    why: { unrecognised: "no ledger kind recognised", hidden: "hidden sheet", empty: "empty sheet", instructions: "instructions only" } as Record<string, string>,
  },
};

export type ExportText = (typeof TEXT)["zh"];

export function exportText(lang: Lang): ExportText {
  return TEXT[lang];
}

/** One word per severity for every host: the findings catalogue's. */
export { severityLabel } from "../findings/summary.js";

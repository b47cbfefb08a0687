import { unspacedHalfWidth } from "./text.js";

/**
 * Numbers stored as text: "1,234.50", "１２３", " 76.5 元", "1.5%".
 * Returns the decimal text (for exact money) and its numeric value.
 */
export interface ParsedNumber {
  value: number;
  /** Plain decimal text without grouping, sign kept: exact input for fen conversion. */
  decimal: string;
  percent: boolean;
}

export function parseNumberText(raw: string): ParsedNumber | null {
  let text = unspacedHalfWidth(raw);
  // Currency signs and units: "￥1,234.50", "76.5元", "RMB 200", "3人".
  text = text.replace(/^(?:[¥￥]|RMB|人民币)/i, "").replace(/(元\/月|元每月|\/月|元整?|块|人|分|票|次|个|天|学时|小时|月)$/, "");
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return { value: Number(text), decimal: text, percent };
}

import type { Lang, SheetReport } from "../shared/findings/types.js";
import { kindLabel } from "../shared/findings/summary.js";
import { cliText } from "./messages.js";

/** The heading of a sheet: what it was recognised as and why. */
export function formatSheetHeading(s: SheetReport, lang: Lang): string[] {
  const t = cliText(lang);
  const sep = lang === "zh" ? "，" : ", ";
  const colon = lang === "zh" ? "：" : ": ";
  if (!s.kind) {
    return [`${t.sheet(s.sheet)}${colon}${t.notRecognised}`, ...(s.reason ? [`  ${t.reason}${colon}${s.reason}`] : [])];
  }
  const tpl = s.template ? `${s.template.id}@${s.template.version}` : "?";
  const facts = [t.recognised(kindLabel(s.kind, lang), tpl)];
  if (s.headerRow !== null) facts.push(t.headerRow(s.headerRow));
  facts.push(t.dataRows(s.rows));
  const lines = [`${t.sheet(s.sheet)}${colon}${facts.join(sep)}`];
  if (s.reason) lines.push(`  ${t.reason}${colon}${s.reason}`);
  if (s.matched.length > 0) {
    const arrow = s.matched.map((m) => `${m.header}→${m.field}(${m.column})`).join(lang === "zh" ? "、" : ", ");
    lines.push(`  ${t.matched}${colon}${arrow}`);
  }
  return lines;
}

import type { Lang, SheetReport } from "../shared/findings/types.js";
import { kindLabel } from "../shared/findings/summary.js";
import { cliText } from "./messages.js";

/** Facts shown per sheet in text output; the JSON report carries them all. */
const MAX_FACTS_SHOWN = 10;
/** Below this a column's reading is said to be unsure. */
const UNSURE = 0.7;

/** The heading of a sheet: what it was recognised as, how surely and why; or why it was not checked. */
export function formatSheetHeading(s: SheetReport, lang: Lang): string[] {
  const t = cliText(lang);
  const sep = lang === "zh" ? "，" : ", ";
  const colon = lang === "zh" ? "：" : ": ";
  const list = lang === "zh" ? "、" : ", ";
  if (s.status !== "checked") {
    const lines = [`${t.sheet(s.sheet)}${colon}${s.status === "skipped" ? t.skipped : t.notRecognised}`];
    // The engine's reason opens with 未检查 too: the heading has said it already.
    const why = s.reason.replace(/^(?:未检查[:：]|Not checked: )/, "");
    if (why) lines.push(`  ${t.reason}${colon}${why}`);
    const closest = s.candidates.filter((c) => !c.looksLike).slice(0, 3);
    if (s.status === "unrecognised" && closest.length > 0) {
      const parts = closest.map((c) => (c.missing.length > 0 ? `${c.title}（${t.lacks}${colon}${c.missing.join(list)}）` : c.title));
      lines.push(`  ${t.closest}${colon}${parts.join(list)}`);
    }
    return lines;
  }
  const tpl = s.template ? `${s.template.id}@${s.template.version}` : "?";
  const facts = [t.recognised(kindLabel(s.kind ?? "", lang), tpl)];
  if (s.headerRow !== null) facts.push(t.headerRow(s.headerRow));
  facts.push(t.dataRows(s.rows));
  facts.push(t.confidence(Math.round(s.confidence * 100)));
  const lines = [`${t.sheet(s.sheet)}${colon}${facts.join(sep)}`];
  if (s.reason) lines.push(`  ${t.reason}${colon}${s.reason}`);
  if (s.matched.length > 0) {
    const byColumn = new Map(s.columns.map((c) => [c.column, c]));
    const arrows: string[] = [];
    for (let i = 0; i < s.matched.length; i++) {
      const m = s.matched[i]!;
      // A run of one field's columns (the twelve months) is said once: 一月…十二月→months(G–R).
      let j = i;
      while (j + 1 < s.matched.length && s.matched[j + 1]!.field === m.field) j++;
      if (j > i) {
        const last = s.matched[j]!;
        arrows.push(`${m.header}…${last.header}→${m.field}(${m.column}–${last.column})`);
        i = j;
        continue;
      }
      const c = byColumn.get(m.column);
      const note = c?.source === "content" ? t.byContent : c && c.confidence < UNSURE ? t.unsure : "";
      arrows.push(`${m.header || "—"}→${m.field}(${m.column})${note}`);
    }
    lines.push(`  ${t.matched}${colon}${arrows.join(list)}`);
  }
  if (s.sections.length > 0) {
    const shown = s.sections.map((sec) => {
      const gives = sec.facts.map((f) => `${f.fieldTitle ?? f.field}${colon}${f.value}`).join(list);
      return t.sectionAt(sec.row, sec.label) + (gives ? `（${gives}）` : "");
    });
    lines.push(`  ${t.sections}${colon}${shown.join(list)}`);
  }
  if (s.mapping) {
    const saved = s.mapping.saved.map((m) => `${m.id}@${m.version}`).join(list);
    lines.push(`  ${t.mapping}${colon}${t.mappingUsed(saved)}${sep}${t.mappingWhat(s.mapping.columns, s.mapping.ignored)}`);
  }
  const unassigned = s.columns.filter((c) => c.field === null && !c.mapped);
  if (unassigned.length > 0) lines.push(`  ${t.unassigned}${colon}${unassigned.map((c) => `${c.column} ${c.header}`).join(list)}`);
  if (s.facts.length > 0) {
    const shown = s.facts.slice(0, MAX_FACTS_SHOWN).map((f) => `${f.cell} ${f.message}`);
    const more = s.factCount > shown.length ? [t.moreFacts(s.factCount - shown.length)] : [];
    lines.push(`  ${t.facts}${colon}${[...shown, ...more].join(list)}`);
  }
  return lines;
}

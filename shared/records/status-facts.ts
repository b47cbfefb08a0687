import type { SheetView } from "../grid/sheet-view.js";
import type { HeaderLayout } from "../detect/layout.js";
import { headerKey } from "../normalise/text.js";
import { readNotes } from "../notes/read-notes.js";
import type { RuleSet } from "../ruleset/schema.js";
import type { RecordSet } from "./build.js";

/**
 * What a 状态 / 党籍状态 column says of each member (已转出, 已故, 停止党籍), as facts of the row like
 * those of 备注: a member who left owes no dues after leaving, is no lapse risk and gets no grade. The
 * headers and the words are the rule set's (membership); a date written in the cell (2025年6月转出)
 * is read as 备注's would be. A fact 备注 already states (with its date) is not said twice.
 */
export function addStatusFacts(view: SheetView, layout: HeaderLayout, set: RecordSet, rules: RuleSet["membership"]): void {
  const columns = statusColumns(layout, rules.statusHeaders);
  if (columns.length === 0) return;
  for (const rec of set.records) {
    for (const col of columns) {
      const v = view.value(rec.row, col);
      if (typeof v !== "string" || v.trim() === "") continue;
      const has = (kind: string) => rec.facts?.some((f) => f.kind === kind) ?? false;
      for (const fact of readNotes(v)) if (!has(fact.kind)) (rec.facts ??= []).push({ ...fact, row: rec.row, col });
      for (const { fact, words } of rules.statusWords) {
        const word = words.find((w) => v.includes(w));
        if (word && !has(fact)) (rec.facts ??= []).push({ kind: fact, text: word, row: rec.row, col });
      }
    }
  }
}

/** The columns headed as a status (状态, 党籍状态 …), bound to a field or not; a 备注 column is read already. */
function statusColumns(layout: HeaderLayout, headers: string[]): number[] {
  const keys = headers.map(headerKey);
  const named = (header: string) => {
    const key = headerKey(header);
    return keys.some((k) => key === k || key.startsWith(k));
  };
  const cols = layout.unbound.filter((u) => named(u.header)).map((u) => u.col);
  const fields = layout.index.template.fields;
  for (const b of layout.columns) if (fields[b.fieldIndex]?.name === "status" && named(b.header)) cols.push(b.col);
  return cols;
}

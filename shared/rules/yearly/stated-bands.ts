import { bandsInNote, type ScoreBand } from "../../notes/score-bands.js";
import type { RuleContext } from "../context.js";
import { noteTexts } from "../note-texts.js";

/**
 * The bands a 百分制 sheet states in a line above or below its table (等次划分：90分以上为“好”，
 * 80—89分为“较好”，60—79分为“一般”，60分以下为“差”), highest first (notes/score-bands.ts reads the
 * text); null unless it states at least two bands, every one of them a grade the rule set knows.
 */
export function statedBands(ctx: RuleContext, grades: readonly string[]): { bands: ScoreBand[]; row: number; col: number } | null {
  for (const { text, row, col } of noteTexts(ctx)) {
    const bands = bandsInNote(text)?.map((b) => ({ ...b, grade: knownGrade(b.grade, grades) }));
    if (bands && bands.every((b) => grades.includes(b.grade))) return { bands, row, col };
  }
  return null;
}

/** A band named with what it grades (先进党支 of 为先进党支部): the longest known grade it starts with. */
function knownGrade(text: string, grades: readonly string[]): string {
  if (grades.includes(text)) return text;
  let best = text;
  for (const g of grades) if (text.startsWith(g) && (best === text || g.length > best.length)) best = g;
  return best;
}

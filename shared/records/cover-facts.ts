import type { SheetView } from "../grid/sheet-view.js";
import { matchFields, type FieldIndex } from "../detect/field-match.js";
import { chineseCount } from "../normalise/chinese-count.js";
import { toHalfWidth } from "../normalise/text.js";

/**
 * Counts a form states once, in its cover lines above the header (参加测评党员：28人,
 * 参评 28 人, 应到会人数：30人): a number of people that every row shares. The label is read as
 * a header would be, and also as the count it names (参加测评党员 → 参加测评人数), so a field's own
 * aliases decide which field it fills; only a count field the sheet has no column for is filled.
 */
export interface CoverFact {
  fieldIndex: number;
  value: number;
  row: number;
  col: number;
}

const COUNT_OF_PEOPLE = /([\u4e00-\u9fa5]{2,12}?)\s*[:：]?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*(?:人|名)(?![\u4e00-\u9fa5]*[:：])/g;
/** Ways a label names people rather than their number: 参加测评党员 = 参加测评人数. */
const PEOPLE_WORDS = /(?:党员|人员|同志)$/;

function labelsOf(label: string): string[] {
  const out = [label];
  if (PEOPLE_WORDS.test(label)) out.push(label.replace(PEOPLE_WORDS, "人数"));
  if (!/人数$/.test(label)) out.push(`${label}人数`);
  return out;
}

export function coverFacts(view: SheetView, headerTop: number, index: FieldIndex, colOf: readonly number[]): CoverFact[] {
  const fields = index.template.fields;
  const out: CoverFact[] = [];
  for (let r = view.firstRow; r < headerTop; r++) {
    const values = view.rowValues(r);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== "string" || v.length > 80) continue;
      for (const m of toHalfWidth(v).matchAll(COUNT_OF_PEOPLE)) {
        const value = chineseCount(m[2]!);
        if (value === null) continue;
        for (const label of labelsOf(m[1]!)) {
          const best = matchFields(index, label)[0];
          if (!best || best.score < 0.95) continue;
          const f = fields[best.fieldIndex]!;
          if ((f.type === "integer" || f.type === "number") && colOf[best.fieldIndex] === -1 && !out.some((o) => o.fieldIndex === best.fieldIndex)) {
            out.push({ fieldIndex: best.fieldIndex, value, row: r, col: view.firstCol + i });
          }
          break;
        }
      }
    }
  }
  return out;
}

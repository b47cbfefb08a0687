import type { SheetView } from "../grid/sheet-view.js";
import { matchFields, type FieldIndex } from "../detect/field-match.js";
import { chineseCount } from "../normalise/chinese-count.js";
import { toHalfWidth } from "../normalise/text.js";
import { normaliseCell, type NormValue } from "../normalise/value.js";
import type { DatePrecision } from "../normalise/dates.js";
import { appendAll } from "../util/append-all.js";

/**
 * Counts a form states once, in its cover lines above the header (参加测评党员：28人,
 * 参评 28 人, 应到会人数：30人): a number of people that every row shares. The label is read as
 * a header would be, and also as the count it names (参加测评党员 → 参加测评人数), so a field's own
 * aliases decide which field it fills; only a count field the sheet has no column for is filled.
 */
export interface CoverFact {
  fieldIndex: number;
  value: NormValue;
  /** For a date written to the month (应换届时间 | 2025年4月). */
  precision?: Exclude<DatePrecision, "day">;
  row: number;
  col: number;
}

/** Field types a label–value line above the table can give every row: dates and counts, not names. */
const PAIR_TYPES = new Set(["date", "month", "integer", "number"]);
/** A label is a short text; what a form's cover says at length is a note, not a field. */
const MAX_LABEL = 12;

const COUNT_OF_PEOPLE = /([\u4e00-\u9fa5]{2,12}?)\s*[:：]?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*(?:人|名)(?![\u4e00-\u9fa5]*[:：])/g;
/** Ways a label names people rather than their number: 参加测评党员 = 参加测评人数. */
const PEOPLE_WORDS = /(?:党员|人员|同志)$/;

/** Ballots stated once for a 测评 (发放测评票30张，收回28张，其中有效票28张): counted in 张, read as the ballot fields. */
const COUNT_OF_BALLOTS = /([\u4e00-\u9fa5]{2,12}?)\s*[:：]?\s*(\d+)\s*张/g;
const BALLOT_LABELS: [RegExp, string][] = [
  [/^(?:其中)?有效(?:测评)?票?$/, "有效票数"],
  [/^(?:共)?(?:发出|发放)(?:测评)?票?$/, "发出票数"],
  [/^(?:共)?(?:收回|回收)(?:测评)?票?$/, "收回票数"],
];

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
  appendAll(out, ballotCounts(view, headerTop, index, colOf, out));
  appendAll(out, labelValuePairs(view, headerTop, index, colOf, out));
  return out;
}

/**
 * A block of label–value lines above the table (本届选举时间 | 2022-04-15, 应换届时间 | 2025年4月,
 * 委员职数 | 8): a label that names a field the table has no column for, and beside it the value,
 * read as that field's type. Said once for the whole sheet, as its cover counts are.
 */
function labelValuePairs(view: SheetView, headerTop: number, index: FieldIndex, colOf: readonly number[], found: readonly CoverFact[]): CoverFact[] {
  const fields = index.template.fields;
  const out: CoverFact[] = [];
  for (let r = view.firstRow; r < headerTop; r++) {
    const values = view.rowValues(r);
    for (let i = 0; i < values.length - 1; i++) {
      const label = values[i];
      if (typeof label !== "string") continue;
      const text = label.trim().replace(/[:：]$/, "");
      if (text === "" || text.length > MAX_LABEL) continue;
      let j = i + 1;
      while (j < values.length && (values[j] === null || values[j] === "")) j++;
      if (j >= values.length) continue;
      const best = matchFields(index, text)[0];
      if (!best || best.score < 0.95) continue;
      const f = fields[best.fieldIndex]!;
      if (f.repeat || !PAIR_TYPES.has(f.type) || colOf[best.fieldIndex] !== -1) continue;
      if (found.some((o) => o.fieldIndex === best.fieldIndex) || out.some((o) => o.fieldIndex === best.fieldIndex)) continue;
      const read = normaliseCell(values[j]!, f.type);
      if (read.problem || read.value === null) continue;
      out.push({ fieldIndex: best.fieldIndex, value: read.value, ...(read.precision ? { precision: read.precision } : {}), row: r, col: view.firstCol + j });
      i = j;
    }
  }
  return out;
}

function ballotCounts(view: SheetView, headerTop: number, index: FieldIndex, colOf: readonly number[], found: readonly CoverFact[]): CoverFact[] {
  const fields = index.template.fields;
  const out: CoverFact[] = [];
  for (let r = view.firstRow; r < headerTop; r++) {
    const values = view.rowValues(r);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== "string" || v.length > 120) continue;
      for (const m of toHalfWidth(v).matchAll(COUNT_OF_BALLOTS)) {
        // The label's last words name the ballots (测评时间：… 发放测评票 → 发放测评票).
        const words = m[1]!.replace(/^.*?(?=(?:其中|共)?(?:有效|发出|发放|收回|回收))/, "");
        const label = BALLOT_LABELS.find(([re]) => re.test(words))?.[1];
        if (!label) continue;
        const best = matchFields(index, label)[0];
        if (!best || best.score < 0.95) continue;
        const f = fields[best.fieldIndex]!;
        if (f.type !== "integer" || colOf[best.fieldIndex] !== -1) continue;
        if (found.some((o) => o.fieldIndex === best.fieldIndex) || out.some((o) => o.fieldIndex === best.fieldIndex)) continue;
        out.push({ fieldIndex: best.fieldIndex, value: Number(m[2]), row: r, col: view.firstCol + i });
      }
    }
  }
  return out;
}

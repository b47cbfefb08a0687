import { unspacedHalfWidth } from "../normalise/text.js";
import type { FieldParsed } from "./schema.js";

/** Each field's noneWords as compared: no spaces, half-width (built once per field). */
const folded = new WeakMap<FieldParsed, Set<string>>();

/**
 * Whether a cell's text is one of the field's noneWords (党龄「预备」, 「预 备」): the member has none of
 * it yet, on purpose. The reader takes such a cell as no value; a rule may ask whether it should be.
 */
export function saysNone(field: FieldParsed, text: string): boolean {
  if (!field.noneWords?.length) return false;
  let words = folded.get(field);
  if (!words) folded.set(field, (words = new Set(field.noneWords.map(unspacedHalfWidth))));
  return words.has(unspacedHalfWidth(text));
}

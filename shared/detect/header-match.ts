import type { FieldParsed, TemplateParsed } from "../template/schema.js";
import { headerKey, headerStem } from "../normalise/text.js";
import { searchPattern } from "../template/safe-pattern.js";

/**
 * Which field a header names. Built once per template: every title and alias reduced to
 * its key, so a header matches whatever its spaces, line breaks, stars or bracket widths.
 */
export interface HeaderIndex {
  template: TemplateParsed;
  byKey: Map<string, number>;
  repeats: { fieldIndex: number; exec: (text: string) => (string | undefined)[] | null }[];
}

export function buildHeaderIndex(template: TemplateParsed): HeaderIndex {
  const byKey = new Map<string, number>();
  const repeats: HeaderIndex["repeats"] = [];
  template.fields.forEach((field: FieldParsed, i: number) => {
    if (field.repeat) {
      repeats.push({ fieldIndex: i, exec: searchPattern(field.repeat.pattern) });
      return;
    }
    for (const name of [field.title, ...field.aliases]) {
      const key = headerKey(name);
      if (!byKey.has(key)) byKey.set(key, i);
    }
  });
  return { template, byKey, repeats };
}

export type HeaderMatch = { fieldIndex: number; period?: number } | null;

export function matchHeader(index: HeaderIndex, text: string): HeaderMatch {
  const key = headerKey(text);
  if (key === "") return null;
  const direct = index.byKey.get(key) ?? index.byKey.get(headerStem(key));
  if (direct !== undefined) return { fieldIndex: direct };
  for (const r of index.repeats) {
    const m = r.exec(key);
    if (m) return { fieldIndex: r.fieldIndex, period: Number(m[1]) };
  }
  return null;
}

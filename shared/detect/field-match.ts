import type { TemplateParsed } from "../template/schema.js";
import type { IndexMapping } from "./apply-mapping.js";
import { headerWithoutCodes } from "./header-codes.js";
import { headerKeys, headerQualifiers, type HeaderKeys } from "./header-text.js";
import { BARE_STEP, bareStepKeys } from "./bare-step.js";

/**
 * How well a header's text names each field of a template, from 0 to 1: the same words
 * (1), the same words once clerks' spelling variants are folded (0.97) or remarks and
 * units dropped (0.95), or the field's name inside a longer header ("党员本人联系电话"),
 * by how much of the header it covers.
 */
export interface FieldMatch {
  fieldIndex: number;
  score: number;
}

interface AliasKeys extends HeaderKeys {
  fieldIndex: number;
}

export interface FieldIndex {
  template: TemplateParsed;
  aliases: AliasKeys[];
  exact: Map<string, number>;
  folded: Map<string, number>;
  stem: Map<string, number>;
  /** A date field's names without their 时间 (递交入党申请书 for 递交入党申请书时间): bare-step.ts. */
  bare: Map<string, number>;
  /** Per header text, the fields it may name, best first (cached: a sheet repeats its headers). */
  cache: Map<string, FieldMatch[]>;
  /** Per header cell (leaf, group, title qualifiers), the fields it may take (header-binding.ts). */
  offerCache: Map<string, readonly FieldMatch[]>;
  /** Headers a person confirmed, and columns to leave out (apply-mapping.ts). */
  mapping?: IndexMapping;
  /** Whether some alias is longer than a header usually is (a department's form writes its rules into its headers). */
  longAliases?: boolean;
}

export const EXACT = 1;
const FOLDED = 0.97;
const STEM = 0.95;
/** Below this a header does not name the field at all. */
export const MIN_HEADER_SCORE = 0.6;
const CONTAINS_MIN_COVERAGE = 0.5;
const SHORT_ALIAS_MIN_COVERAGE = 0.66;
export const MAX_CACHED = 4096;
const MAX_HEADER_LENGTH = 40;
const MAX_LONG_HEADER = 200;
const NO_MATCH: FieldMatch[] = [];

export function buildFieldIndex(template: TemplateParsed): FieldIndex {
  const index: FieldIndex = { template, aliases: [], exact: new Map(), folded: new Map(), stem: new Map(), bare: bareStepKeys(template), cache: new Map(), offerCache: new Map() };
  template.fields.forEach((field, fieldIndex) => {
    if (field.repeat) return;
    for (const name of [field.title, ...field.aliases]) {
      const keys = headerKeys(name);
      if (keys.exact === "") continue;
      index.aliases.push({ ...keys, fieldIndex });
      if (!index.exact.has(keys.exact)) index.exact.set(keys.exact, fieldIndex);
      if (!index.folded.has(keys.folded)) index.folded.set(keys.folded, fieldIndex);
      if (keys.stem !== "" && !index.stem.has(keys.stem)) index.stem.set(keys.stem, fieldIndex);
      if (name.length > MAX_HEADER_LENGTH) index.longAliases = true;
    }
  });
  return index;
}

/**
 * A field's name inside a longer header ("党员本人联系电话" holds 联系电话), scored by how much
 * of the header it covers. Never the other way round: "入党时间" inside the alias
 * "申请入党时间" would read a plain 入党时间 column as the application date.
 */
function partial(header: string, alias: string): number {
  if (alias.length < 2 || header.length <= alias.length || !header.includes(alias)) return 0;
  // The longer header names another step ("转正申请时间" holds 申请时间, but is not the application to join).
  if (headerQualifiers(header).some((q) => !alias.includes(q))) return 0;
  const coverage = alias.length / header.length;
  // A two-character name says little inside a longer header ("支部" in 支部评定): it must cover most of it.
  const needed = alias.length < 3 ? SHORT_ALIAS_MIN_COVERAGE : CONTAINS_MIN_COVERAGE;
  return coverage >= needed ? 0.55 + 0.35 * coverage : 0;
}

/** The fields a header text may name, best first, each once. */
/**
 * Header texts are short words. A cell of a data row seen while looking for the header (a name,
 * an ID, an amount, a sentence) is not one: it is not compared with every alias.
 */
function headerLike(text: string): boolean {
  if (text.length > MAX_HEADER_LENGTH) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits * 2 <= text.length;
}

export function matchFields(index: FieldIndex, header: string): FieldMatch[] {
  const cached = index.cache.get(header);
  if (cached) return cached;
  // A system export's code list (人员类别（1-正式党员 2-预备党员）) says how the cells are written, not what the column is.
  const text = headerWithoutCodes(header);
  // A long text is a sentence, not a header, unless the template itself has such a header: then it may name it whole.
  const whole = !headerLike(text);
  if (whole && !(index.longAliases && text.length <= MAX_LONG_HEADER)) return NO_MATCH;
  const keys = headerKeys(text);
  const best = new Map<number, number>();
  const offer = (fieldIndex: number | undefined, score: number) => {
    if (fieldIndex === undefined) return;
    if ((best.get(fieldIndex) ?? 0) < score) best.set(fieldIndex, score);
  };
  if (keys.exact !== "") {
    offer(index.exact.get(keys.exact), EXACT);
    offer(index.folded.get(keys.folded), FOLDED);
    offer(index.bare.get(keys.folded), BARE_STEP);
    if (keys.stem !== "") {
      offer(index.stem.get(keys.stem), STEM);
      for (const a of whole ? [] : index.aliases) {
        const score = partial(keys.stem, a.stem);
        if (score >= MIN_HEADER_SCORE) offer(a.fieldIndex, score);
      }
    }
  }
  const out = [...best].map(([fieldIndex, score]) => ({ fieldIndex, score })).sort((a, b) => b.score - a.score);
  // A long-lived host (the Worker, the pane) sees many sheets: keep the cache bounded.
  if (index.cache.size >= MAX_CACHED) index.cache.clear();
  index.cache.set(header, out);
  return out;
}

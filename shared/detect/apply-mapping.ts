import { headerKey } from "../normalise/text.js";
import { cleanText } from "../normalise/text.js";
import type { MappingInput, SavedMappingRef } from "../template/mapping.js";
import type { FieldParsed, TemplateParsed } from "../template/schema.js";
import { buildFieldIndex, type FieldIndex } from "./field-match.js";
import type { HeaderCell } from "./header-cells.js";

/**
 * A confirmed mapping (CheckOptions.mapping), applied in one place: the template's field index
 * learns the mapped headers as pinned (a pinned header is that field, sure, whatever its cells
 * hold), columns to leave out are never bound, and mapped values join the field's valueAliases,
 * which the records apply before any rule runs. Everything downstream sees an ordinary template.
 */
export interface IndexMapping {
  /** Header key (the header, or a multi-row header's path, as `mappingKey` makes it) → field index. */
  pinned: Map<string, number>;
  /** Header keys of columns to leave out. */
  ignored: Set<string>;
  /** Fields (by index) whose values a mapping names. */
  valueFields: Set<number>;
  /** The saved mappings applied, for the report. */
  saved: SavedMappingRef[];
}

/** How a mapping names a header: the header's key (spaces, stars, bracket widths dropped); a path's parts joined. */
export function mappingKey(header: string): string {
  return headerKey(header.split(" / ").join(""));
}

/** The mappings that apply to a template version. */
export function mappingsFor(template: TemplateParsed, mappings: readonly MappingInput[]): MappingInput[] {
  return mappings.filter((m) => m.template.id === template.id && (m.template.version === undefined || m.template.version === template.version));
}

function withValues(field: FieldParsed, values: Record<string, string>): FieldParsed {
  const aliases: Record<string, string> = { ...(field.valueAliases ?? {}) };
  for (const [from, to] of Object.entries(values)) aliases[cleanText(from)] = cleanText(to);
  // The clerk's spellings are content evidence too: a column of 党员/预备 fits 党籍状态 once mapped.
  const seen = field.content?.values ?? field.constraints?.enum;
  const content = seen ? { ...field.content, values: [...new Set([...seen, ...Object.keys(aliases)])] } : field.content;
  return { ...field, valueAliases: aliases, ...(content ? { content } : {}) };
}

/** The template with the mappings' value spellings added; fields, rules and ids as they were. */
function mappedTemplate(template: TemplateParsed, mappings: readonly MappingInput[]): { template: TemplateParsed; valueFields: Set<number> } {
  const byName = new Map(template.fields.map((f, i) => [f.name, i]));
  const values = new Map<number, Record<string, string>>();
  for (const m of mappings) {
    for (const [name, map] of Object.entries(m.values ?? {})) {
      const i = byName.get(name);
      // A field of another version of the template, or one whose values are not text: nothing to map.
      if (i === undefined || template.fields[i]!.type !== "string") continue;
      values.set(i, { ...(values.get(i) ?? {}), ...map });
    }
  }
  if (values.size === 0) return { template, valueFields: new Set() };
  const fields = template.fields.map((f, i) => (values.has(i) ? withValues(f, values.get(i)!) : f));
  return { template: { ...template, fields }, valueFields: new Set(values.keys()) };
}

/** The field index of a template under confirmed mappings (later mappings win over earlier ones). */
export function buildMappedIndex(template: TemplateParsed, mappings: readonly MappingInput[]): FieldIndex {
  const { template: mapped, valueFields } = mappedTemplate(template, mappings);
  const index = buildFieldIndex(mapped);
  const byName = new Map(mapped.fields.map((f, i) => [f.name, i]));
  const pinned = new Map<string, number>();
  const ignored = new Set<string>();
  for (const m of mappings) {
    for (const [header, name] of Object.entries(m.columns ?? {})) {
      const key = mappingKey(header);
      if (key === "") continue;
      if (name === null) {
        ignored.add(key);
        pinned.delete(key);
        continue;
      }
      const i = byName.get(name);
      // A monthly group is read by its month headers; a field this version lacks is no mapping.
      if (i === undefined || mapped.fields[i]!.repeat) continue;
      pinned.set(key, i);
      ignored.delete(key);
    }
  }
  const saved = mappings.flatMap((m) => (m.saved ? [m.saved] : []));
  index.mapping = { pinned, ignored, valueFields, saved };
  return index;
}

/** What a mapping says of a header cell: the field it is pinned to, "ignored", or nothing (null). */
export function pinnedField(index: FieldIndex, cell: HeaderCell): number | "ignored" | null {
  const m = index.mapping;
  if (!m) return null;
  for (const key of cell.path.length > 1 ? [mappingKey(cell.path.join("")), mappingKey(cell.leaf)] : [mappingKey(cell.leaf)]) {
    if (m.ignored.has(key)) return "ignored";
    const f = m.pinned.get(key);
    if (f !== undefined) return f;
  }
  return null;
}

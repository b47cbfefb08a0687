import { z } from "zod";

/**
 * A mapping a person confirmed: which template field each header of their own form is (or that
 * a column is to be left out), and how their values are written (党员 → 正式党员). The engine
 * applies it before recognition and before the rules (CheckOptions.mapping); the findings still
 * cite the clerk's own headers and texts. A department saves one for its organisation on the
 * Worker as a versioned document (`mapping`), and every check of that organisation applies it.
 */
const FieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/);
const Text = z.string().min(1).max(200);

const MappingShape = z.object({
  /** The template the headers belong to; without `version`, every version of it. */
  template: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64), version: z.number().int().positive().optional() }).strict(),
  /**
   * A header as the sheet writes it (a header over several rows as its path, "月份 / 1月") →
   * the field it is, or null for a column to leave out. Spaces, stars and bracket widths do
   * not matter.
   */
  columns: z.record(Text, FieldName.nullable()).default({}),
  /** Per field, how the sheet writes a value → the value the field allows ("男性" → "男"). */
  values: z.record(FieldName, z.record(Text, Text)).default({}),
});

function sizeLimits(m: { columns: Record<string, unknown>; values: Record<string, Record<string, string>> }, ctx: z.RefinementCtx) {
  if (Object.keys(m.columns).length > 500) ctx.addIssue({ code: "custom", path: ["columns"], message: "至多 500 个表头 / at most 500 headers" });
  const values = Object.values(m.values).reduce((n, v) => n + Object.keys(v).length, 0);
  if (values > 2000) ctx.addIssue({ code: "custom", path: ["values"], message: "至多 2000 个取值 / at most 2000 values" });
}

export const ColumnMapping = MappingShape.strict().superRefine(sizeLimits);
export type ColumnMapping = z.input<typeof ColumnMapping>;
export type ColumnMappingParsed = z.output<typeof ColumnMapping>;

/** What an organisation saves: one mapping with a name, published as versions like templates. */
export const MappingDoc = MappingShape.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64),
  title: z.string().min(1).max(200),
  version: z.number().int().positive().optional(),
})
  .strict()
  .superRefine(sizeLimits);
export type MappingDoc = z.input<typeof MappingDoc>;
export type MappingDocParsed = z.output<typeof MappingDoc>;

/** A mapping handed to the engine; `saved` says which stored version it is, so reports can say it was used. */
export interface MappingInput {
  template: { id: string; version?: number };
  columns?: Record<string, string | null>;
  values?: Record<string, Record<string, string>>;
  saved?: SavedMappingRef;
}

export interface SavedMappingRef {
  id: string;
  version: number;
  orgId?: string;
}

/** A saved mapping document as the engine takes it: its content, and which version it is. */
export function mappingFromDoc(doc: MappingDocParsed & { version: number }, orgId?: string): MappingInput {
  return { template: doc.template, columns: doc.columns, values: doc.values, saved: { id: doc.id, version: doc.version, ...(orgId ? { orgId } : {}) } };
}

/**
 * Two mappings as one: the later one's headers and values win. How the pane adds what a clerk
 * just confirmed to what the organisation saved, and how an admin's save extends the last version.
 */
export function mergeMappings(base: Pick<MappingInput, "columns" | "values">, next: Pick<MappingInput, "columns" | "values">): { columns: Record<string, string | null>; values: Record<string, Record<string, string>> } {
  const values: Record<string, Record<string, string>> = {};
  for (const [field, map] of Object.entries(base.values ?? {})) values[field] = { ...map };
  for (const [field, map] of Object.entries(next.values ?? {})) values[field] = { ...(values[field] ?? {}), ...map };
  return { columns: { ...(base.columns ?? {}), ...(next.columns ?? {}) }, values };
}

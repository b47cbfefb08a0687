import type { HeaderLayout } from "../detect/layout.js";
import type { MappingReport } from "../findings/types.js";

/** What a confirmed or saved mapping did on a sheet, when it did anything: said by every host. */
export function mappingReportOf(layout: HeaderLayout): { mapping: MappingReport } | Record<string, never> {
  const m = layout.index.mapping;
  if (!m) return {};
  const fields = layout.index.template.fields;
  const columns = layout.columns.filter((c) => c.mapped).length;
  const ignored = layout.unbound.filter((u) => u.ignored).length;
  const valueFields = [...m.valueFields].sort((a, b) => a - b).filter((f) => layout.columns.some((c) => c.fieldIndex === f)).map((f) => fields[f]!.name);
  if (columns === 0 && ignored === 0 && valueFields.length === 0) return {};
  return { mapping: { columns, ignored, valueFields, saved: m.saved } };
}

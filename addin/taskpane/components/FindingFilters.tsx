import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Filter } from "../findings.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({ row: { display: "flex", gap: tokens.spacingHorizontalS } });

export function FindingFilters(props: { filter: Filter; columns: string[]; onChange(f: Filter): void }) {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={t.filterSeverity} size="small">
        <Select
          size="small"
          data-testid="filter-severity"
          value={props.filter.severity}
          onChange={(_, d) => props.onChange({ ...props.filter, severity: d.value as Filter["severity"] })}
        >
          <option value="all">{t.all}</option>
          <option value="error">{t.severity.error}</option>
          <option value="warning">{t.severity.warning}</option>
          <option value="info">{t.severity.info}</option>
        </Select>
      </Field>
      <Field label={t.filterColumn} size="small">
        <Select size="small" data-testid="filter-column" value={props.filter.column} onChange={(_, d) => props.onChange({ ...props.filter, column: d.value })}>
          <option value="all">{t.all}</option>
          {props.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

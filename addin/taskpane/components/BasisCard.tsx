import { Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { CollectionInfo } from "../../api/collections.js";
import { useT } from "../i18n.js";
import type { Basis } from "../useCheckBasis.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, "> *": { flexGrow: 1, minWidth: "140px" } },
});

/** The day and the collection the sheet is checked for, said in words: the clerk knows which verdict they see. */
export function BasisCard(props: {
  basis: Basis;
  collections: CollectionInfo[];
  connected: boolean;
  collectionId: string;
  onCollection(id: string): void;
  onDate(date: string): void;
}) {
  const t = useT();
  const styles = useStyles();
  const { basis } = props;
  // The chosen collection stays in the list even when it is no longer open.
  const choices = basis.kind === "collection" && !props.collections.some((c) => c.id === basis.collection.id) ? [basis.collection, ...props.collections] : props.collections;
  return (
    <div className={styles.col} data-testid="basis" data-kind={basis.kind} data-as-of={basis.asOf}>
      <div className={styles.row}>
        <Field label={t.asOf} size="small">
          <Input
            size="small"
            type="date"
            data-testid="as-of"
            value={basis.asOf}
            disabled={basis.kind === "collection"}
            onChange={(_, d) => d.value && props.onDate(d.value)}
          />
        </Field>
        {props.connected ? (
          <Field label={t.collection} size="small">
            <Select size="small" data-testid="check-collection" value={props.collectionId} onChange={(_, d) => props.onCollection(d.value)}>
              <option value="">{t.noCollection}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}（{c.period}）
                </option>
              ))}
              {props.collectionId && !choices.some((c) => c.id === props.collectionId) ? <option value={props.collectionId}>{props.collectionId}</option> : null}
            </Select>
          </Field>
        ) : null}
      </div>
      <Caption1 data-testid="basis-text">
        {basis.kind === "collection"
          ? t.basisCollection(basis.collection.title, basis.asOf)
          : basis.loading
            ? t.collectionLoading
            : basis.error
              ? t.collectionFailed(basis.error)
              : t.basisDate(basis.asOf, basis.today)}
      </Caption1>
    </div>
  );
}

import { CounterBadge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Counts } from "../findings.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export const SEVERITY_COLOR = { error: "danger", warning: "important", info: "informative" } as const;

export function SummaryBar({ counts }: { counts: Counts }) {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <Text weight="semibold" size={400} data-testid="summary">
        {t.summary(counts.error, counts.warning, counts.info)}
      </Text>
    </div>
  );
}

export function SeverityCounts({ counts }: { counts: Counts }) {
  const t = useT();
  return (
    <>
      {(["error", "warning", "info"] as const).map((s) =>
        counts[s] ? <CounterBadge key={s} count={counts[s]} color={SEVERITY_COLOR[s]} size="small" title={t.severity[s]} overflowCount={9999} /> : null,
      )}
    </>
  );
}

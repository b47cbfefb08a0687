import { Badge, Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetReport } from "../../../shared/findings/types.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  headers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

export function RecognitionCard({ report }: { report: SheetReport | null }) {
  const t = useT();
  const styles = useStyles();
  if (!report) return null;
  const kind = report.kind ? t.kind(report.kind) : null;
  return (
    <Card size="small" data-testid="recognition">
      <Caption1>
        {t.sheet}: {report.sheet}
        {report.headerRow ? ` · ${t.rows} ${report.rows}` : ""}
      </Caption1>
      {kind ? (
        <Text weight="semibold" data-testid="recognised-kind">
          {t.recognised} {kind}
          {report.template ? ` (${report.template.id} v${report.template.version})` : ""}
        </Text>
      ) : (
        <Text weight="semibold" data-testid="recognised-kind">
          {t.notRecognised}
        </Text>
      )}
      {report.reason ? <Caption1>{report.reason}</Caption1> : null}
      {report.matched.length ? (
        <div>
          <Caption1>{t.matchedHeaders}:</Caption1>
          <div className={styles.headers} data-testid="matched-headers">
            {report.matched.map((m) => (
              <Badge key={`${m.column}-${m.field}`} appearance="tint" color="informative" title={m.field}>
                {m.column} {m.header}
              </Badge>
            ))}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

import { Badge, Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ComparedLedger } from "../../../shared/book/sheet-in-book.js";
import type { KindCandidate, SheetReport } from "../../../shared/findings/types.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  headers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  title: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  wrap: { overflowWrap: "anywhere" },
});

/** The sheet's fate: checked, not recognised, or skipped (the report may predate `status`: then it is read from `kind`). */
export function sheetStatus(report: SheetReport): "checked" | "unrecognised" | "skipped" {
  if (report.status === "checked" || report.status === "unrecognised" || report.status === "skipped") return report.status;
  return report.kind ? "checked" : "unrecognised";
}

function Candidates({ candidates }: { candidates: KindCandidate[] }) {
  const t = useT();
  const styles = useStyles();
  if (!candidates.length) return null;
  return (
    <div data-testid="candidates">
      <Caption1>{t.closest}</Caption1>
      <ul className={styles.list}>
        {candidates.map((c) => (
          <li key={`${c.template.id}@${c.template.version}`} data-testid="candidate" data-template={c.template.id}>
            <Caption1>{t.lacks(c.title || t.kind(c.kind), Array.isArray(c.missing) ? c.missing : [])}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the pane made of the sheet: the ledger kind and the headers that matched, or why it was not checked. */
export function RecognitionCard({ report, compared = [], localMapping = false }: { report: SheetReport | null; compared?: ComparedLedger[]; localMapping?: boolean }) {
  const t = useT();
  const styles = useStyles();
  if (!report) return null;
  const status = sheetStatus(report);
  const kind = report.kind ? t.kind(report.kind) : null;
  const matched = Array.isArray(report.matched) ? report.matched : [];
  const candidates = Array.isArray(report.candidates) ? report.candidates : [];
  return (
    <Card size="small" data-testid="recognition" data-status={status}>
      <Caption1 className={styles.wrap}>
        {t.sheet}: {report.sheet}
        {report.headerRow ? ` · ${t.rows} ${t.number(report.rows)}` : ""}
      </Caption1>
      <div className={styles.title}>
        <Badge appearance={status === "checked" ? "tint" : "filled"} color={status === "checked" ? "success" : status === "unrecognised" ? "danger" : "warning"} data-testid="sheet-status">
          {t.status[status]}
        </Badge>
        <Text weight="semibold" data-testid="recognised-kind" className={styles.wrap}>
          {status === "checked" && kind
            ? `${t.recognised} ${kind}${report.template ? ` (${report.template.id} v${report.template.version})` : ""}`
            : status === "skipped" && report.skipReason === "noData" && kind
              ? `${t.blankForm(kind)}${report.template ? ` (${report.template.id} v${report.template.version})` : ""}`
              : status === "skipped"
                ? t.skipped(t.skipReasons[report.skipReason ?? ""] ?? report.reason)
                : t.notRecognised}
        </Text>
      </div>
      {status !== "checked" ? <Caption1 data-testid="not-checked">{t.notChecked}</Caption1> : null}
      {status === "checked" && report.mapping ? (
        <Caption1 className={styles.wrap} data-testid="mapping-used" data-saved={report.mapping.saved.map((m) => `${m.id}@${m.version}`).join(",")}>
          {report.mapping.saved.length ? t.mappingUsedSaved(report.mapping.saved.map((m) => t.mappingRef(m.id, m.version)).join("、")) : t.mappingUsedConfirmed}
          {localMapping ? ` ${t.mappingLocalOnly}` : ""}
        </Caption1>
      ) : null}
      {report.reason && status !== "skipped" ? <Caption1 className={styles.wrap}>{report.reason}</Caption1> : null}
      {status === "unrecognised" ? (
        <>
          <Candidates candidates={candidates} />
          <Caption1>{t.pickTemplateHint}</Caption1>
        </>
      ) : null}
      {(status === "checked" || report.skipReason === "noData") && matched.length ? (
        <div>
          <Caption1>{t.matchedHeaders}:</Caption1>
          <div className={styles.headers} data-testid="matched-headers">
            {matched.map((m) => (
              <Badge key={`${m.column}-${m.field}`} appearance="tint" color="informative">
                {m.column} {m.header}
              </Badge>
            ))}
          </div>
        </div>
      ) : null}
      {status === "checked" && compared.length ? (
        <Caption1 className={styles.wrap} data-testid="compared" data-sheets={compared.map((c) => c.sheet).join("|")}>
          {t.compared(compared.map((c) => t.comparedLedger(c.sheet, t.kind(c.kind))))}
        </Caption1>
      ) : null}
    </Card>
  );
}

import { Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../../../shared/findings/types.js";
import { templateChoices } from "../../engine/index.js";
import type { LedgerHost } from "../../host/types.js";
import { NO_FILTER, applyFilter, columnsOf, countBySeverity, groupByPeriod, groupByRule, type Filter } from "../findings.js";
import { useT } from "../i18n.js";
import { useChecker, type TemplatePick } from "../useChecker.js";
import { FindingFilters } from "./FindingFilters.js";
import { FindingGroups, PeriodFindings } from "./FindingGroups.js";
import { RecognitionCard } from "./RecognitionCard.js";
import { SummaryBar } from "./SummaryBar.js";
import { TemplatePicker } from "./TemplatePicker.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** 检查: recognition, template pick, check + marks, findings by rule and by period, clear. */
export function CheckPanel({ host, lang, openSignal }: { host: LedgerHost; lang: Lang; openSignal: number }) {
  const t = useT();
  const styles = useStyles();
  const [template, setTemplate] = useState<TemplatePick | null>(null);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const { state, recognise, check, clear, select } = useChecker(host, lang, template);
  const choices = useMemo(() => templateChoices(), []);

  // Recognise the active sheet when the pane opens, a file is opened, or the template/language changes.
  // A new file or pane start: recognise. A new template or language: check again if checked.
  const seen = useRef({ openSignal: -1, checked: false });
  seen.current.checked = state.checked;
  useEffect(() => {
    const opened = seen.current.openSignal !== openSignal;
    seen.current.openSignal = openSignal;
    if (opened) setFilter(NO_FILTER);
    void (!opened && seen.current.checked ? check() : recognise());
  }, [openSignal, recognise, check]);

  const visible = useMemo(() => applyFilter(state.findings, filter), [state.findings, filter]);
  const groups = useMemo(() => groupByRule(visible, lang), [visible, lang]);
  const periods = useMemo(() => groupByPeriod(visible), [visible]);
  const counts = useMemo(() => countBySeverity(state.findings), [state.findings]);
  const columns = useMemo(() => columnsOf(state.findings), [state.findings]);

  return (
    <div className={styles.col} data-testid="check-panel" data-marked={state.marked ? "yes" : "no"} data-busy={state.busy ? "yes" : "no"} data-rechecks={state.rechecks}>
      <RecognitionCard report={state.report} />
      <TemplatePicker choices={choices} value={template} onChange={setTemplate} lang={lang} />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void check()} disabled={state.busy || !state.grid} data-testid="check">
          {t.check}
        </Button>
        <Button onClick={() => void clear()} disabled={state.busy || !state.marked} data-testid="clear">
          {t.clearMarks}
        </Button>
        {state.busy ? <Spinner size="tiny" label={t.checking} /> : null}
      </div>
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.checked ? (
        <>
          <SummaryBar counts={counts} />
          {state.marked ? (
            <Caption1 data-testid="check-status" data-ms={state.lastMs?.toFixed(0)}>
              {t.liveOn}
            </Caption1>
          ) : null}
          {state.stale.length ? (
            <Caption1 data-testid="stale-sheets" data-sheets={state.stale.join("|")}>
              {t.stale(state.stale)}
            </Caption1>
          ) : null}
          {state.findings.length ? <FindingFilters filter={filter} columns={columns} onChange={setFilter} /> : null}
          <FindingGroups key={`${filter.severity}|${filter.column}`} groups={groups} onSelect={(f) => void select(f)} />
          <PeriodFindings groups={periods} lang={lang} />
        </>
      ) : null}
    </div>
  );
}

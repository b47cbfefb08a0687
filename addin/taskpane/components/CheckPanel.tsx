import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from "react";
import type { MappingInput } from "../../../shared/template/mapping.js";
import { UNSURE } from "../../../shared/mapping/unsure.js";
import { templateChoices, type TemplateChoice } from "../../engine/index.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { NO_FILTER, applyFilter, columnsOf, countBySeverity, groupByPeriod, groupByRule, type Filter } from "../findings.js";
import { useT } from "../i18n.js";
import { useCheckBasis } from "../useCheckBasis.js";
import { useChecker, type AppliedFix, type TemplatePick } from "../useChecker.js";
import { BasisCard } from "./BasisCard.js";
import { FindingFilters } from "./FindingFilters.js";
import { FindingGroups, PeriodFindings } from "./FindingGroups.js";
import { HiddenRowsNote } from "./HiddenRowsNote.js";
import { RecognitionCard, sheetStatus } from "./RecognitionCard.js";
import { SummaryBar } from "./SummaryBar.js";
import { TemplatePicker } from "./TemplatePicker.js";

// The mapping step loads when a sheet needs it (or the clerk asks): most sheets never do.
const MappingPanel = lazy(() => import("./MappingPanel.js").then((m) => ({ default: m.MappingPanel })));

/** Whether the pane should ask: a sheet not recognised, or a kind or a bound column below UNSURE. */
function unsureOf(report: { status?: string; confidence?: number; columns?: { field: string | null; confidence: number; mapped?: boolean }[]; candidates?: { foreign?: string }[] } | null): boolean {
  if (!report) return false;
  const columns = Array.isArray(report.columns) ? report.columns : [];
  // A training roster or a democratic party's list is no ledger of ours: nothing to ask (the clerk still may).
  if (report.status === "unrecognised") return columns.length > 0 && !(Array.isArray(report.candidates) && report.candidates[0]?.foreign);
  if (report.status !== "checked") return false;
  return (report.confidence ?? 1) < UNSURE || columns.some((c) => c.field !== null && !c.mapped && c.confidence < UNSURE);
}

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/**
 * 检查: recognition, the day and collection checked for, template pick, check + marks, findings by
 * rule and by period with their expected values (改为应为值 / 撤销), clear, and in web mode 下载.
 */
export function CheckPanel({ host, settings, onSettings, openSignal }: { host: LedgerHost; settings: Settings; onSettings(s: Settings): void; openSignal: number }) {
  const t = useT();
  const styles = useStyles();
  const lang = settings.lang;
  const [template, setTemplate] = useState<TemplatePick | null>(null);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [fixes, setFixes] = useState<AppliedFix[]>([]);
  const [downloading, setDownloading] = useState(false);
  const [confirmed, setConfirmed] = useState<MappingInput | null>(null);
  const [mappingOpen, setMappingOpen] = useState<boolean | null>(null);
  const [checkNext, setCheckNext] = useState(false);
  const { options, basis, setDate, collections, connected, ready, saved, reloadSaved, orgTemplates } = useCheckBasis(settings, template, confirmed);
  const { state, recognise, check, clear, select, applyFix, undoFix } = useChecker(host, options);
  const [builtinChoices, setChoices] = useState<TemplateChoice[]>([]);
  useEffect(() => void templateChoices().then(setChoices), []);
  // The organisation's own templates first, then the built-in ones it has not published itself.
  const choices = useMemo(() => {
    const own = orgTemplates.map((x) => ({ id: x.id, version: x.version, kind: x.kind, title: x.title, titleEn: x.titleEn }));
    const refs = new Set(own.map((c) => `${c.id}@${c.version}`));
    return [...own, ...builtinChoices.filter((c) => !refs.has(`${c.id}@${c.version}`))];
  }, [orgTemplates, builtinChoices]);

  // Recognise the active sheet when the pane opens, a file is opened, or the template/language changes.
  // A new file or pane start: recognise. A new template, day or language: check again if checked.
  const seen = useRef({ openSignal: -1, checked: false });
  seen.current.checked = state.checked;
  useEffect(() => {
    const opened = seen.current.openSignal !== openSignal;
    seen.current.openSignal = openSignal;
    if (opened) {
      setFilter(NO_FILTER);
      setFixes([]);
      setConfirmed(null);
      setMappingOpen(null);
    }
    void (!opened && seen.current.checked ? check() : recognise());
  }, [openSignal, recognise, check]);
  // 按此对应检查: the check runs at once, with the new options.
  useEffect(() => {
    if (!checkNext) return;
    setCheckNext(false);
    void check();
  }, [checkNext, check]);
  const applyMapping = (m: MappingInput) => {
    setConfirmed(m);
    setMappingOpen(false);
    setCheckNext(true);
  };
  const saveMapping = async (m: MappingInput, title: string): Promise<string> => {
    const [{ saveMapping: save }, { mergeMappings }] = await Promise.all([import("../../api/mappings.js"), import("../../../shared/template/mapping.js")]);
    // The organisation's last version of this mapping, with the clerk's answers over it.
    const previous = [...saved].reverse().find((x) => x.id === m.template.id)?.mapping ?? {};
    // What the clerk confirmed before (its value mappings too), then the answers now on screen.
    const merged = mergeMappings(confirmed && confirmed.template.id === m.template.id ? mergeMappings(previous, confirmed) : previous, m);
    const done = await save({ baseUrl: settings.workerUrl, token: settings.token, lang }, { id: m.template.id, title: `${title}${lang === "en" ? " headers" : "表头对应"}`, template: { id: m.template.id }, ...merged });
    // What is saved applies from now on, as it does on the Worker.
    setConfirmed(null);
    reloadSaved();
    setCheckNext(true);
    return t.mappingSaved(done.version, done.created);
  };
  const unsure = unsureOf(state.report);
  const showMapping = Boolean(state.grid && state.report && state.report.status !== "skipped") && (mappingOpen ?? unsure);

  const visible = useMemo(() => applyFilter(state.findings, filter), [state.findings, filter]);
  const groups = useMemo(() => groupByRule(visible, lang), [visible, lang]);
  const periods = useMemo(() => groupByPeriod(visible), [visible]);
  const counts = useMemo(() => countBySeverity(state.findings), [state.findings]);
  const columns = useMemo(() => columnsOf(state.findings), [state.findings]);
  const status = state.report ? sheetStatus(state.report) : null;
  const lastFix = fixes[fixes.length - 1] ?? null;

  const undoButton = useRef<HTMLButtonElement>(null);
  const focusUndo = useRef(false);
  const fix = async (f: Parameters<typeof applyFix>[0]) => {
    const done = await applyFix(f);
    if (!done) return;
    // The fixed finding (and its button) is gone: keep the keyboard next to 撤销, once the
    // re-check that follows the fix has settled (it re-renders the list the focus was in).
    focusUndo.current = true;
    setFixes((list) => [...list, done]);
  };
  useEffect(() => {
    if (!focusUndo.current || state.busy || !undoButton.current) return;
    focusUndo.current = false;
    undoButton.current.focus();
  }, [fixes, state.busy, state.findings]);
  const undo = async () => {
    if (!lastFix) return;
    await undoFix(lastFix);
    setFixes((list) => list.slice(0, -1));
  };
  const download = async () => {
    setDownloading(true);
    try {
      await host.download!(options);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className={styles.col} data-testid="check-panel" data-marked={state.marked ? "yes" : "no"} data-busy={state.busy ? "yes" : "no"} data-rechecks={state.rechecks}>
      <RecognitionCard report={state.report} compared={state.compared} localMapping={basis.kind === "collection" && confirmed !== null} />
      {showMapping && state.grid && state.report ? (
        <Suspense fallback={<Spinner size="tiny" />}>
          <MappingPanel
            key={`${openSignal}|${state.grid.name}`}
            grid={state.grid}
            report={state.report}
            options={options}
            choices={choices}
            connected={connected}
            collection={basis.kind === "collection"}
            onApply={applyMapping}
            onSave={saveMapping}
            onClose={() => setMappingOpen(false)}
          />
        </Suspense>
      ) : state.report && state.report.status !== "skipped" && Array.isArray(state.report.columns) && state.report.columns.length ? (
        <div className={styles.buttons}>
          {unsure ? <Caption1 data-testid="mapping-unsure">{t.mappingUnsure}</Caption1> : null}
          <Button size="small" onClick={() => setMappingOpen(true)} data-testid="map-open">
            {t.mappingOpen}
          </Button>
        </div>
      ) : null}
      <BasisCard
        basis={basis}
        collections={collections}
        connected={connected}
        collectionId={settings.collectionId}
        onCollection={(id) => onSettings({ ...settings, collectionId: id })}
        onDate={setDate}
      />
      {basis.kind === "date" ? <TemplatePicker choices={choices} value={template} onChange={setTemplate} lang={lang} /> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void check()} disabled={state.busy || !state.grid || !ready} data-testid="check">
          {t.check}
        </Button>
        <Button onClick={() => void clear()} disabled={state.busy || !state.marked} data-testid="clear">
          {t.clearMarks}
        </Button>
        {host.download ? (
          <Button onClick={() => void download()} disabled={!state.grid || downloading} data-testid="download" title={t.downloadTitle}>
            {t.download}
          </Button>
        ) : null}
        {state.busy || downloading ? <Spinner size="tiny" label={t.checking} /> : null}
      </div>
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {lastFix ? (
        <MessageBar intent="success" data-testid="fix-note" data-fix-cell={lastFix.finding.cell ?? ""}>
          <MessageBarBody>
            {t.fixed(lastFix.finding.cell ?? "", lastFix.finding.expected ?? "")}{" "}
            <Button size="small" appearance="outline" onClick={() => void undo()} data-testid="undo" ref={undoButton}>
              {t.undo}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.checked && status !== "checked" && state.report ? (
        <Text weight="semibold" size={400} data-testid="summary" data-status={status}>
          {t.uncheckedSummary(status === "skipped" ? (t.skipReasons[state.report.skipReason ?? ""] ?? state.report.reason) : t.notRecognised)}
        </Text>
      ) : null}
      {state.checked && status === "checked" ? (
        <>
          <SummaryBar counts={counts} />
          {state.marked ? (
            <Caption1 data-testid="check-status" data-ms={state.lastMs?.toFixed(0)}>
              {t.liveOn}
            </Caption1>
          ) : null}
          <HiddenRowsNote grid={state.grid} />
          {state.stale.length ? (
            <Caption1 data-testid="stale-sheets" data-sheets={state.stale.join("|")}>
              {t.stale(state.stale)}
            </Caption1>
          ) : null}
          {state.findings.length ? <FindingFilters filter={filter} columns={columns} onChange={setFilter} /> : null}
          <FindingGroups
            key={`${filter.severity}|${filter.column}`}
            groups={groups}
            actions={{ onSelect: (f) => void select(f), onSelectCell: (sheet, cell) => void host.select(sheet, cell), onFix: host.writeCells ? (f) => void fix(f) : undefined, lang, showCodes: settings.showCodes }}
          />
          <PeriodFindings groups={periods} lang={lang} showCodes={settings.showCodes} />
        </>
      ) : null}
    </div>
  );
}

import { Badge, Button, Caption1, Card, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { collectionStatus, type BranchStatus } from "../../api/client.js";
import { branchBook, listCollections, submissionFindings, versionDiff, type BranchBookView, type CollectionInfo, type VersionDiff } from "../../api/collections.js";
import type { Finding } from "../../../shared/findings/types.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { displayMessage } from "../findings.js";
import { useT } from "../i18n.js";
import type { Strings } from "../../i18n/strings.js";
import { TemplateMaker } from "./TemplateMaker.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "160px" },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** "2025-06-01T02:00:00.000Z" → "2025-06-01 10:00" on the admin's own clock. */
export function localTime(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** One wording per state: a stored submission is 已提交 (with or without errors), never 「未通过」. */
export function statusText(b: BranchStatus, t: Strings): string {
  if (b.status === "late") return b.latestVersion === null ? t.lateNotSubmitted : t.lateSubmitted((b.errors ?? 0) === 0);
  return t.statuses[b.status] ?? b.status;
}

const COLOR: Record<string, "success" | "danger" | "warning" | "informative"> = { submitted_clean: "success", submitted_with_errors: "danger", late: "warning", not_submitted: "informative" };

function FindingList({ findings, lang }: { findings: Finding[]; lang: Settings["lang"] }) {
  const styles = useStyles();
  const t = useT();
  if (!findings.length) return <Caption1>{t.summary(0, 0, 0)}</Caption1>;
  return (
    <ul className={styles.list}>
      {findings.slice(0, 200).map((f, i) => (
        <li key={i} data-testid="admin-finding" data-cell={f.cell ?? ""}>
          <Caption1>
            {t.severity[f.severity]} · {f.cell ?? f.period ?? t.noPeriod} · {displayMessage(f, lang)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

function DiffView({ diff, lang }: { diff: VersionDiff; lang: Settings["lang"] }) {
  const t = useT();
  return (
    <div data-testid="admin-diff" data-cells={diff.cellsChanged.length} data-fixed={diff.findingsFixed.length} data-new={diff.findingsNew.length}>
      <Caption1 block>
        {t.versionN(diff.from)} → {t.versionN(diff.to)}：{t.diffResult(diff.cellsChanged.length, diff.findingsFixed.length, diff.findingsNew.length)}
      </Caption1>
      {diff.findingsFixed.length ? (
        <>
          <Caption1 block>{t.fixedList}</Caption1>
          <FindingList findings={diff.findingsFixed} lang={lang} />
        </>
      ) : null}
      {diff.findingsNew.length ? (
        <>
          <Caption1 block>{t.newList}</Caption1>
          <FindingList findings={diff.findingsNew} lang={lang} />
        </>
      ) : null}
    </div>
  );
}

/** A branch's book: the sentence that says what was compared, then what the book adds (each naming its ledger). */
function BookView({ book, lang }: { book: BranchBookView; lang: Settings["lang"] }) {
  const styles = useStyles();
  const t = useT();
  const shown = book.added.filter((f) => f.severity !== "info");
  return (
    <div data-testid="admin-book" data-status={book.status} data-added={shown.length} data-withdrawn={book.withdrawn.length}>
      <Caption1 block data-testid="book-message">
        {book.message}
      </Caption1>
      {shown.length ? (
        <ul className={styles.list}>
          {shown.slice(0, 200).map((f, i) => (
            <li key={i} data-testid="book-finding" data-file={f.file ?? ""} data-cell={f.cell ?? ""}>
              <Caption1>
                {t.severity[f.severity]} · {f.file ? `${f.file} · ` : ""}
                {f.sheet}!{f.cell ?? f.period ?? t.noPeriod} · {displayMessage(f, lang)}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function VersionSelect(props: { label: string; value: number; versions: number[]; onChange(v: number): void; testId: string }) {
  const t = useT();
  return (
    <Field label={props.label} size="small">
      <Select size="small" value={String(props.value)} onChange={(_, d) => props.onChange(Number(d.value))} data-testid={props.testId}>
        {props.versions.map((v) => (
          <option key={v} value={v}>
            {t.versionN(v)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function BranchCard({ b, collectionId, period, settings }: { b: BranchStatus; collectionId: string; period: string | null; settings: Settings }) {
  const t = useT();
  const styles = useStyles();
  const cfg = { baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang };
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [comparing, setComparing] = useState(false);
  const [from, setFrom] = useState(Math.max(1, (b.latestVersion ?? 1) - 1));
  const [to, setTo] = useState(b.latestVersion ?? 1);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [book, setBook] = useState<BranchBookView | null>(null);
  const toggleBook = () => {
    if (book) return setBook(null);
    if (period) void branchBook(cfg, b.branchId, period).then(setBook, fail);
  };
  const versions = Array.from({ length: b.latestVersion ?? 0 }, (_, i) => i + 1);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const toggleFindings = () => {
    if (findings) return setFindings(null);
    if (b.submissionId) void submissionFindings(cfg, b.submissionId).then((r) => setFindings(r.findings), fail);
  };
  const compare = () => void versionDiff(cfg, collectionId, b.branchId, from, to).then(setDiff, fail);
  return (
    <Card size="small" className={styles.card} data-testid="admin-branch" data-branch-id={b.branchId} data-status={b.status}>
      <div className={styles.head}>
        <Text weight="semibold">{b.branch}</Text>
        <Badge appearance="tint" color={COLOR[b.status] ?? "informative"} data-testid="branch-status">
          {statusText(b, t)}
        </Badge>
      </div>
      {b.latestVersion !== null ? (
        <Caption1 data-testid="branch-facts">
          {t.versionN(b.latestVersion)} · {t.submittedOn(localTime(b.submittedAt))}
          {b.late ? ` · ${t.lateCol}` : ""} · {t.summary(b.errors ?? 0, b.warnings ?? 0, 0)}
        </Caption1>
      ) : null}
      {b.latestVersion !== null ? (
        <div className={styles.row}>
          <Button size="small" onClick={toggleFindings} data-testid="open-findings" aria-expanded={findings !== null}>
            {findings ? t.hideFindings : t.openFindings}
          </Button>
          {b.latestVersion > 1 ? (
            <Button size="small" onClick={() => setComparing(!comparing)} data-testid="compare" aria-expanded={comparing}>
              {t.compare}
            </Button>
          ) : null}
          {period ? (
            <Button size="small" onClick={toggleBook} data-testid="open-book" aria-expanded={book !== null}>
              {book ? t.hideBook : t.openBook}
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {findings ? <FindingList findings={findings} lang={settings.lang} /> : null}
      {book ? <BookView book={book} lang={settings.lang} /> : null}
      {comparing ? (
        <div className={styles.row}>
          <VersionSelect label={t.from} value={from} versions={versions} onChange={setFrom} testId="diff-from" />
          <VersionSelect label={t.to} value={to} versions={versions} onChange={setTo} testId="diff-to" />
          <Button size="small" appearance="primary" onClick={compare} disabled={from === to} data-testid="run-diff">
            {t.compare}
          </Button>
        </div>
      ) : null}
      {comparing && diff ? <DiffView diff={diff} lang={settings.lang} /> : null}
    </Card>
  );
}

/** Admin: choose a collection, see each branch's status, open its findings, compare versions, and 汇总. */
export function AdminPanel(props: { host: LedgerHost; settings: Settings }) {
  const t = useT();
  const styles = useStyles();
  const { settings } = props;
  const [collections, setCollections] = useState<CollectionInfo[] | null>(null);
  const [chosen, setChosen] = useState(settings.collectionId);
  const [rows, setRows] = useState<BranchStatus[] | null>(null);
  const [note, setNote] = useState<{ intent: "error" | "success" | "info"; text: string } | null>(null);
  const connected = Boolean(settings.workerUrl && settings.token);
  const cfg = { baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang };
  const fail = (e: unknown) => setNote({ intent: "error", text: e instanceof Error ? e.message : String(e) });

  const loadList = useCallback(() => {
    if (!connected) return;
    listCollections({ baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang }).then((items) => {
      setCollections(items);
      setChosen((c) => (c && items.some((i) => i.id === c) ? c : (items[0]?.id ?? "")));
    }, fail);
  }, [connected, settings.workerUrl, settings.token, settings.lang]);
  useEffect(loadList, [loadList]);

  const loadStatus = useCallback(() => {
    if (!connected || !chosen) return;
    setNote(null);
    collectionStatus({ baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang }, chosen).then(setRows, (e) => {
      setRows(null);
      fail(e);
    });
  }, [connected, chosen, settings.workerUrl, settings.token, settings.lang]);
  useEffect(loadStatus, [loadStatus]);

  const current = collections?.find((c) => c.id === chosen) ?? null;
  const summarise = async () => {
    const list = rows ?? (await collectionStatus(cfg, chosen));
    const table = {
      title: t.summaryTitle(current?.title ?? chosen),
      chartColumns: 3,
      rows: [
        [t.branch, t.errors, t.warnings, t.statusLabel, t.latestVersion, t.submittedAt, t.lateCol],
        ...list.map((r) => [r.branch, r.errors ?? 0, r.warnings ?? 0, statusText(r, t), r.latestVersion ?? "", localTime(r.submittedAt), r.late ? t.yes : t.no]),
      ],
    };
    const ok = props.host.writeSummary ? await props.host.writeSummary(table) : false;
    setNote(ok ? { intent: "success", text: props.host.kind === "web" ? t.summaryDownloaded : t.summaryWritten } : { intent: "info", text: t.summaryNotHere });
  };

  return (
    <div className={styles.col} data-testid="admin-panel">
      {!connected ? <Caption1>{t.workerUrl} → {t.tabSettings}</Caption1> : null}
      <div className={styles.row}>
        <Field label={t.collection} size="small" className={styles.grow}>
          <Select size="small" value={chosen} onChange={(_, d) => setChosen(d.value)} data-testid="admin-collection" disabled={!collections?.length}>
            {(collections ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}（{c.period}）
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => (loadList(), loadStatus())} disabled={!connected} data-testid="admin-refresh">
          {t.refresh}
        </Button>
      </div>
      {collections && !collections.length ? <Caption1>{t.noCollections}</Caption1> : null}
      {current ? (
        <Caption1 data-testid="admin-collection-facts">
          {t.asOf} {current.asOf} · {t.collectionStates[current.status] ?? current.status}
        </Caption1>
      ) : null}
      <Button size="small" onClick={() => void summarise().catch(fail)} disabled={!connected || !chosen} data-testid="summarise">
        {props.host.kind === "web" ? t.pullSummaryWeb : t.pullSummary}
      </Button>
      {note ? (
        <MessageBar intent={note.intent} data-testid="admin-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {rows ? (
        <section aria-label={t.adminStatus} data-testid="admin-table" className={styles.col}>
          {rows.map((b) => (
            <BranchCard key={`${chosen}-${b.branchId}`} b={b} collectionId={chosen} period={current?.period ?? null} settings={settings} />
          ))}
        </section>
      ) : null}
      <TemplateMaker host={props.host} settings={settings} />
    </div>
  );
}

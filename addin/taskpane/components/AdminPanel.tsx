import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { collectionStatus, type BranchStatus } from "../../api/client.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Admin: status of a collection per branch, and 汇总 into a new worksheet with a chart. */
export function AdminPanel(props: { host: LedgerHost; settings: Settings; onSettings(s: Settings): void }) {
  const t = useT();
  const styles = useStyles();
  const [rows, setRows] = useState<BranchStatus[] | null>(null);
  const [note, setNote] = useState<{ intent: "error" | "success" | "info"; text: string } | null>(null);
  const { settings } = props;
  const cfg = { baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang };

  const load = async () => {
    setNote(null);
    try {
      setRows(await collectionStatus(cfg, settings.collectionId));
    } catch (e) {
      setNote({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    }
  };

  const summarise = async () => {
    const list = rows ?? (await collectionStatus(cfg, settings.collectionId));
    const table = {
      title: `汇总 ${settings.collectionId}`,
      chartColumns: 3,
      rows: [[t.branch, t.errors, t.warnings, t.status, t.submittedAt], ...list.map((r) => [r.branch, r.errors ?? 0, r.warnings ?? 0, t.statuses[r.status] ?? r.status, r.submittedAt ?? ""])],
    };
    const ok = props.host.writeSummary ? await props.host.writeSummary(table) : false;
    setNote(ok ? { intent: "success", text: t.summaryWritten } : { intent: "info", text: t.summaryNotHere });
  };

  return (
    <div className={styles.col} data-testid="admin-panel">
      <Field label={t.collectionId} size="small">
        <Input size="small" value={settings.collectionId} onChange={(_, d) => props.onSettings({ ...settings, collectionId: d.value })} />
      </Field>
      <div className={styles.row}>
        <Button size="small" onClick={() => void load()} disabled={!settings.workerUrl || !settings.collectionId} data-testid="admin-refresh">
          {t.refresh}
        </Button>
        <Button size="small" onClick={() => void summarise().catch((e) => setNote({ intent: "error", text: String(e) }))} disabled={!settings.workerUrl || !settings.collectionId}>
          {t.pullSummary}
        </Button>
      </div>
      {note ? (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {rows ? (
        <Table size="extra-small" aria-label={t.adminStatus} data-testid="admin-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.branch}</TableHeaderCell>
              <TableHeaderCell>{t.status}</TableHeaderCell>
              <TableHeaderCell>{t.errors}</TableHeaderCell>
              <TableHeaderCell>{t.warnings}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={i}>
                <TableCell>{r.branch}</TableCell>
                <TableCell>{t.statuses[r.status] ?? r.status}</TableCell>
                <TableCell>{r.errors ?? "—"}</TableCell>
                <TableCell>{r.warnings ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}

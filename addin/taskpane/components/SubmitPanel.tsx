import { Button, Caption1, Card, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Verdict } from "../../api/client.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { useT } from "../i18n.js";
import type { useOutbox } from "../useOutbox.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: "anywhere" },
});

export function VerdictCard({ verdict }: { verdict: Verdict }) {
  const t = useT();
  return (
    <MessageBar
      intent={verdict.accepted ? "success" : "warning"}
      data-testid="verdict"
      data-accepted={String(verdict.accepted)}
      data-version={verdict.version ?? undefined}
      data-submission-id={verdict.submissionId ?? undefined}
    >
      <MessageBarBody>
        <b>
          {t.verdict}: {verdict.accepted ? t.accepted : t.rejected}
        </b>{" "}
        — {t.summary(verdict.errors, verdict.warnings, 0)}
        {verdict.version !== null ? (
          <>
            {" · "}
            <span style={{ whiteSpace: "nowrap" }}>
              {t.version} {verdict.version}
            </span>
          </>
        ) : null}
        {verdict.message ? ` · ${verdict.message}` : ""}
      </MessageBarBody>
    </MessageBar>
  );
}

/** 提交: send the active sheet to a collection; what retrying can fix goes to the outbox, the rest is shown at once. */
export function SubmitPanel(props: { host: LedgerHost; settings: Settings; onSettings(s: Settings): void; outbox: ReturnType<typeof useOutbox> }) {
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const { settings } = props;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    setQueued(false);
    setVerdict(null);
    try {
      const grid = await props.host.readActiveSheet();
      if (!grid) return;
      const target = { baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang };
      const result = await props.outbox.submit(target, settings.collectionId, grid);
      if (result.superseded) setNote(t.superseded(result.superseded));
      if (result.kind === "sent") setVerdict(result.verdict);
      else if (result.kind === "queued") {
        setQueued(true);
        setError(`${t.queued}（${result.error}）`);
      }
      else setError(`${t.submitFailed}：${result.error}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = verdict ?? props.outbox.lastSent;
  return (
    <div className={styles.col} data-testid="submit-panel">
      <Field label={t.collectionId} size="small">
        <Input size="small" data-testid="collection-id" value={settings.collectionId} onChange={(_, d) => props.onSettings({ ...settings, collectionId: d.value })} />
      </Field>
      <Button appearance="primary" disabled={busy || !settings.collectionId || !settings.workerUrl} onClick={() => void submit()} data-testid="submit">
        {busy ? t.submitting : t.submit}
      </Button>
      {!settings.workerUrl ? <Caption1>{t.workerUrl} → {t.tabSettings}</Caption1> : null}
      {shown ? <VerdictCard verdict={shown} /> : null}
      {note ? <Caption1 data-testid="submit-note">{note}</Caption1> : null}
      {error ? (
        <MessageBar intent={queued ? "warning" : "error"} data-testid="submit-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <OutboxCard outbox={props.outbox} />
    </div>
  );
}

/** HH:MM:SS local time, the same in both languages. */
const timeOf = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

/** Each outbox item with its state: queued (and when it is retried), sending, or failed with its reason. */
function OutboxCard({ outbox }: { outbox: ReturnType<typeof useOutbox> }) {
  const t = useT();
  const styles = useStyles();
  if (!outbox.items.length) return null;
  const waiting = outbox.items.filter((i) => i.state !== "failed").length;
  return (
    <Card size="small" data-testid="outbox">
      <Text>{t.outbox(waiting)}</Text>
      {outbox.items.map((i) => (
        <div key={i.id} className={styles.item} data-testid="outbox-item" data-state={i.state}>
          <Caption1>
            <b>{t.outboxState[i.state]}</b> · {i.sheetName} → {i.collectionId} · {t.attempts(i.attempts)}
            {i.state === "queued" ? ` · ${t.nextRetry(timeOf(i.nextAttemptAt))}` : ""}
            {i.lastError ? ` · ${i.lastError}` : ""}
          </Caption1>
          {i.state !== "sending" ? (
            <Button size="small" appearance="subtle" onClick={() => outbox.dismiss(i.id)} data-testid="outbox-dismiss">
              {t.dismiss}
            </Button>
          ) : null}
        </div>
      ))}
      {waiting ? (
        <Button size="small" onClick={() => void outbox.retry()} data-testid="retry">
          {t.retryNow}
        </Button>
      ) : null}
    </Card>
  );
}

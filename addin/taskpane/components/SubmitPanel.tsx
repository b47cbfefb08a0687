import { Button, Caption1, Card, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { submitOrQueue } from "../../api/outbox.js";
import type { Verdict } from "../../api/client.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { useT } from "../i18n.js";
import type { useOutbox } from "../useOutbox.js";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

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

/** 提交: send the active sheet to a collection; failures go to the outbox and are retried. */
export function SubmitPanel(props: { host: LedgerHost; settings: Settings; onSettings(s: Settings): void; outbox: ReturnType<typeof useOutbox> }) {
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { settings } = props;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      const grid = await props.host.readActiveSheet();
      if (!grid) return;
      const result = await submitOrQueue({ baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang }, props.outbox.outbox, settings.collectionId, grid);
      if ("verdict" in result) setVerdict(result.verdict);
      else setError(`${t.queued} (${result.error})`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      props.outbox.refresh();
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
      {error ? (
        <MessageBar intent="error" data-testid="submit-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.outbox.items.length ? (
        <Card size="small" data-testid="outbox">
          <Text>{t.outbox(props.outbox.items.length)}</Text>
          {props.outbox.items.map((i) => (
            <Caption1 key={i.id}>
              {i.grid.name} → {i.collectionId} · {i.attempts}× · {i.lastError}
            </Caption1>
          ))}
          <Button size="small" onClick={() => void props.outbox.retry()} data-testid="retry">
            {t.retryNow}
          </Button>
        </Card>
      ) : null}
    </div>
  );
}

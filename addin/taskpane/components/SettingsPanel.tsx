import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Settings } from "../../settings/store.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** 设置: Worker address, token, language. Saved in this browser's localStorage. */
export function SettingsPanel(props: { settings: Settings; onSave(s: Settings): void }) {
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState(props.settings);
  const [saved, setSaved] = useState(false);
  const patch = (p: Partial<Settings>) => {
    setDraft({ ...draft, ...p });
    setSaved(false);
  };
  return (
    <div className={styles.col} data-testid="settings-panel">
      <Field label={t.workerUrl} size="small">
        <Input size="small" type="url" placeholder="https://party-ledger.example.workers.dev" value={draft.workerUrl} onChange={(_, d) => patch({ workerUrl: d.value.trim() })} data-testid="worker-url" />
      </Field>
      <Field label={t.token} size="small">
        <Input size="small" type="password" value={draft.token} onChange={(_, d) => patch({ token: d.value.trim() })} data-testid="token" />
      </Field>
      <Field label={t.language} size="small">
        <RadioGroup layout="horizontal" value={draft.lang} onChange={(_, d) => patch({ lang: d.value === "en" ? "en" : "zh" })}>
          <Radio value="zh" label="中文" />
          <Radio value="en" label="English" data-testid="lang-en" />
        </RadioGroup>
      </Field>
      <Checkbox checked={draft.showCodes} onChange={(_, d) => patch({ showCodes: d.checked === true })} label={t.showCodes} data-testid="show-codes" />
      <Button
        appearance="primary"
        data-testid="save-settings"
        onClick={() => {
          props.onSave({ ...props.settings, workerUrl: draft.workerUrl, token: draft.token, lang: draft.lang, showCodes: draft.showCodes });
          setSaved(true);
        }}
      >
        {t.save}
      </Button>
      {saved ? <Text>{t.saved}</Text> : null}
    </div>
  );
}

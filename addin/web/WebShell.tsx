import { Body1, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, useSyncExternalStore } from "react";
import { App } from "../taskpane/App.js";
import { strings } from "../i18n/strings.js";
import { loadSettings } from "../settings/store.js";
import { GridView } from "./GridView.js";
import type { WebHost } from "./host.js";
import { readFile } from "./readFile.js";
import { PICKER_ACCEPT } from "../../shared/reader/file-kinds.js";
import { describeSource } from "../../shared/reader/describe-source.js";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  pane: { width: "380px", flexShrink: 0, overflowY: "auto", backgroundColor: tokens.colorNeutralBackground1, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flexGrow: 1, display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS, minWidth: 0 },
  open: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** Web mode: the task pane beside a file picker and a grid view of the opened workbook. */
export function WebShell({ host }: { host: WebHost }) {
  const styles = useStyles();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [opened, setOpened] = useState(0);
  const [error, setError] = useState<{ messageZh?: string; messageEn?: string; message?: string } | null>(null);
  // The language the pane's settings hold; the pane reports a change so this page follows it.
  const [lang, setLang] = useState(() => loadSettings().lang);
  const [reading, setReading] = useState(false);
  const t = strings(lang);
  useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  }, [lang]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      // Read in a worker (readFile.ts): the page keeps painting, so the spinner turns.
      host.open(file.name, await readFile(file));
      setOpened((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e : { message: String(e) });
    } finally {
      setReading(false);
    }
  };
  return (
    <div className={styles.page}>
      <aside className={styles.pane}>
        <App host={host} openSignal={opened} onSettings={(s) => setLang(s.lang)} />
      </aside>
      <main className={styles.main}>
        <div className={styles.open}>
          <label>
            <Body1>{t.openFile}: </Body1>
            <input type="file" accept={PICKER_ACCEPT} data-testid="file-input" onChange={(e) => void onFile(e.target.files?.[0])} />
          </label>
          {state.fileName ? <Caption1 data-testid="file-name">{state.fileName}</Caption1> : <Caption1>{t.openHint}</Caption1>}
          {/* An .xlsx goes without saying; any other format says what was read (a CSV's encoding and delimiter). */}
          {state.workbook?.source && (state.workbook.source.format !== "xlsx" || state.workbook.source.namedAs) ? (
            <Caption1 data-testid="file-source">{describeSource(state.workbook.source, lang)}</Caption1>
          ) : null}
          {reading ? <Spinner size="tiny" label={t.reading} data-testid="reading" /> : null}
        </div>
        {error ? (
          <MessageBar intent="error" data-testid="open-error">
            <MessageBarBody>{(lang === "en" ? error.messageEn : error.messageZh) ?? error.message}</MessageBarBody>
          </MessageBar>
        ) : null}
        <GridView host={host} />
      </main>
    </div>
  );
}

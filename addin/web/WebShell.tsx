import { Body1, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useState, useSyncExternalStore } from "react";
import { App, type TabId } from "../taskpane/App.js";
import { StringsContext } from "../taskpane/i18n.js";
import { strings } from "../i18n/strings.js";
import { loadSettings } from "../settings/store.js";
import { GridView } from "./GridView.js";
import type { WebHost } from "./host.js";
import { readFile } from "./readFile.js";
import { PICKER_ACCEPT } from "../../shared/reader/file-kinds.js";
import { describeSource } from "../../shared/reader/describe-source.js";

/** Below this width the pane and the grid are stacked (pane above, grid below) instead of side by side. */
export const NARROW_PX = 900;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground2, overflow: "hidden" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  picker: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS, maxWidth: "100%" },
  fileInput: { maxWidth: "100%", minWidth: 0 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  bodyNarrow: { flexDirection: "column" },
  pane: { width: "380px", flexShrink: 0, overflowY: "auto", backgroundColor: tokens.colorNeutralBackground1, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  paneNarrow: { width: "auto", flexBasis: "55%", flexGrow: 1, flexShrink: 1, minHeight: 0, borderRight: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flexGrow: 1, display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0 },
  mainNarrow: { flexBasis: "45%", flexGrow: 0, flexShrink: 0 },
  wrap: { overflowWrap: "anywhere" },
});

function useNarrow(): boolean {
  const query = `(max-width: ${NARROW_PX - 1}px)`;
  const [narrow, setNarrow] = useState(() => typeof matchMedia !== "undefined" && matchMedia(query).matches);
  useEffect(() => {
    const m = matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener("change", on);
    return () => m.removeEventListener("change", on);
  }, [query]);
  return narrow;
}

/**
 * Web mode: the file picker on top, then the task pane beside a grid view of the opened workbook,
 * or, narrower than NARROW_PX (a phone, a 320–450 px window), the pane above the grid. The layout
 * changes by style only, so nothing the clerk did is lost when the window is resized.
 */
export function WebShell({ host }: { host: WebHost }) {
  const styles = useStyles();
  const narrow = useNarrow();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [opened, setOpened] = useState(0);
  const [error, setError] = useState<{ messageZh?: string; messageEn?: string; message?: string } | null>(null);
  // The language the pane's settings hold; the pane reports a change so this page follows it.
  const [lang, setLang] = useState(() => loadSettings().lang);
  const [reading, setReading] = useState(false);
  // Stacked, the grid shows beside 检查 and 提交 only: the admin's and settings' views get the whole height.
  const [tab, setTab] = useState<TabId>("check");
  const gridShown = Boolean(state.workbook) && (!narrow || tab === "check" || tab === "submit");
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
      host.open(file.name, await readFile(file), file);
    } catch (e) {
      // Never leave the previous file's grid and findings under the new file's name.
      host.close();
      setError(e instanceof Error ? e : { message: String(e) });
    } finally {
      setOpened((n) => n + 1);
      setReading(false);
    }
  };
  return (
    <StringsContext.Provider value={t}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <label className={styles.picker}>
            <Body1>{t.openFile}: </Body1>
            <input type="file" accept={PICKER_ACCEPT} data-testid="file-input" className={styles.fileInput} onChange={(e) => void onFile(e.target.files?.[0])} />
          </label>
          {state.fileName ? (
            <Caption1 data-testid="file-name" className={styles.wrap}>
              {state.fileName}
            </Caption1>
          ) : (
            <Caption1 className={styles.wrap}>{t.openHint}</Caption1>
          )}
          {/* An .xlsx goes without saying; any other format says what was read (a CSV's encoding and delimiter). */}
          {state.workbook?.source && (state.workbook.source.format !== "xlsx" || state.workbook.source.namedAs) ? (
            <Caption1 data-testid="file-source" className={styles.wrap}>
              {describeSource(state.workbook.source, lang)}
            </Caption1>
          ) : null}
          {reading ? <Spinner size="tiny" label={t.reading} data-testid="reading" /> : null}
        </header>
        {error ? (
          <MessageBar intent="error" data-testid="open-error">
            <MessageBarBody>{(lang === "en" ? error.messageEn : error.messageZh) ?? error.message}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={mergeClasses(styles.body, narrow && styles.bodyNarrow)} data-layout={narrow ? "stacked" : "side-by-side"} data-testid="layout">
          <aside className={mergeClasses(styles.pane, narrow && styles.paneNarrow)} aria-label={t.pane} data-testid="pane">
            <App host={host} openSignal={opened} onSettings={(s) => setLang(s.lang)} onTab={setTab} />
          </aside>
          {gridShown ? (
            <main className={mergeClasses(styles.main, narrow && styles.mainNarrow)}>
              <GridView host={host} />
            </main>
          ) : null}
        </div>
      </div>
    </StringsContext.Provider>
  );
}

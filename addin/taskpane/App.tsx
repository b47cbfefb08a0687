import { Badge, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
import type { LedgerHost } from "../host/types.js";
import { strings } from "../i18n/strings.js";
import { loadSettings, saveSettings, type Settings } from "../settings/store.js";
import { CheckPanel } from "./components/CheckPanel.js";
import { SubmitPanel } from "./components/SubmitPanel.js";
import { StringsContext } from "./i18n.js";
import { shareSettingsWithFunctions } from "./shareSettings.js";
import { useOutbox } from "./useOutbox.js";

// The admin's views load on first use: clerks never pay for them at start.
const AdminPanel = lazy(() => import("./components/AdminPanel.js").then((m) => ({ default: m.AdminPanel })));
const SettingsPanel = lazy(() => import("./components/SettingsPanel.js").then((m) => ({ default: m.SettingsPanel })));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0, boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export type TabId = "check" | "submit" | "admin" | "settings";

/** The task pane: the same component in Excel and in web mode; only the host differs. */
export function App({ host, openSignal = 0, onSettings, onTab }: { host: LedgerHost; openSignal?: number; onSettings?: (s: Settings) => void; onTab?: (tab: TabId) => void }) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>(() => loadSettings());
  const [tab, setTab] = useState<TabId>("check");
  const outbox = useOutbox();
  const t = strings(settings.lang);
  useEffect(() => shareSettingsWithFunctions(settings), [settings]);
  const update = (s: Settings) => {
    setSettings(s);
    saveSettings(s);
    onSettings?.(s);
  };
  return (
    <StringsContext.Provider value={t}>
      <div className={styles.root} lang={settings.lang === "en" ? "en" : "zh-CN"}>
        <div className={styles.header}>
          <Title3 as="h1">{t.appTitle}</Title3>
          <Badge appearance="outline" size="small">
            {host.kind === "excel" ? "Excel" : "Web"}
          </Badge>
        </div>
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => {
            setTab(d.value as TabId);
            onTab?.(d.value as TabId);
          }}
        >
          <Tab value="check" data-testid="tab-check">
            {t.tabCheck}
          </Tab>
          <Tab value="submit" data-testid="tab-submit">
            {t.tabSubmit}
            {outbox.items.length ? ` (${outbox.items.length})` : ""}
          </Tab>
          <Tab value="admin" data-testid="tab-admin">
            {t.tabAdmin}
          </Tab>
          <Tab value="settings" data-testid="tab-settings">
            {t.tabSettings}
          </Tab>
        </TabList>
        <div hidden={tab !== "check"}>
          <CheckPanel host={host} settings={settings} onSettings={update} openSignal={openSignal} />
        </div>
        {tab === "submit" ? <SubmitPanel host={host} settings={settings} onSettings={update} outbox={outbox} /> : null}
        {tab === "admin" ? (
          <Suspense fallback={null}>
            <AdminPanel host={host} settings={settings} />
          </Suspense>
        ) : null}
        {tab === "settings" ? (
          <Suspense fallback={null}>
            <SettingsPanel settings={settings} onSave={update} />
          </Suspense>
        ) : null}
      </div>
    </StringsContext.Provider>
  );
}

import { Badge, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { LedgerHost } from "../host/types.js";
import { strings } from "../i18n/strings.js";
import { loadSettings, saveSettings, type Settings } from "../settings/store.js";
import { AdminPanel } from "./components/AdminPanel.js";
import { CheckPanel } from "./components/CheckPanel.js";
import { SettingsPanel } from "./components/SettingsPanel.js";
import { SubmitPanel } from "./components/SubmitPanel.js";
import { StringsContext } from "./i18n.js";
import { shareSettingsWithFunctions } from "./shareSettings.js";
import { useOutbox } from "./useOutbox.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0 },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

type TabId = "check" | "submit" | "admin" | "settings";

/** The task pane: the same component in Excel and in web mode; only the host differs. */
export function App({ host, openSignal = 0, onSettings }: { host: LedgerHost; openSignal?: number; onSettings?: (s: Settings) => void }) {
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
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
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
          <CheckPanel host={host} lang={settings.lang} openSignal={openSignal} />
        </div>
        {tab === "submit" ? <SubmitPanel host={host} settings={settings} onSettings={update} outbox={outbox} /> : null}
        {tab === "admin" ? <AdminPanel host={host} settings={settings} onSettings={update} /> : null}
        {tab === "settings" ? <SettingsPanel settings={settings} onSave={update} /> : null}
      </div>
    </StringsContext.Provider>
  );
}

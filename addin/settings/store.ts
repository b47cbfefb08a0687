import type { Lang } from "../../shared/findings/types.js";

export interface Settings {
  workerUrl: string;
  token: string;
  lang: Lang;
  collectionId: string;
  /** Show rule codes beside findings (support staff); clerks read titles and messages only. */
  showCodes: boolean;
}

const KEY = "party-ledger.settings";

export const DEFAULT_SETTINGS: Settings = { workerUrl: "", token: "", lang: "zh", collectionId: "", showCodes: false };

export function loadSettings(storage: Storage = localStorage): Settings {
  try {
    const raw = storage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
    return { ...DEFAULT_SETTINGS, ...parsed, lang: parsed.lang === "en" ? "en" : "zh", showCodes: parsed.showCodes === true };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(s: Settings, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(s));
}

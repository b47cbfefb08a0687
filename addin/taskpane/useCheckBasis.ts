import { useCallback, useEffect, useMemo, useState } from "react";
import { collectionCheckOptions } from "../../shared/api/collection-check.js";
import type { CheckOptions } from "../../shared/check/options.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import type { MappingInput } from "../../shared/template/mapping.js";
import type { CollectionInfo } from "../api/collections.js";
import type { SavedMapping } from "../api/mappings.js";
import type { Settings } from "../settings/store.js";
import type { TemplatePick } from "./useChecker.js";

/** Today on the clerk's own calendar, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export type Basis =
  | { kind: "collection"; collection: CollectionInfo; asOf: string }
  | { kind: "date"; asOf: string; today: boolean; loading: boolean; error: string | null };

/**
 * What a sheet is checked against and on which day. For a collection (the one chosen in the pane,
 * shared with 提交): its pinned template and rule set on its as-of day, exactly the options the
 * Worker checks the submission with. Otherwise the clerk's date (today unless set) and template pick.
 */
export function useCheckBasis(settings: Settings, template: TemplatePick | null, confirmed: MappingInput | null = null) {
  const [date, setDate] = useState(() => localToday());
  const [loaded, setLoaded] = useState<{ key: string; info: CollectionInfo; template: TemplateParsed; ruleSet: RuleSet } | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [collections, setCollections] = useState<CollectionInfo[]>([]);
  const { workerUrl, token, lang, collectionId } = settings;
  const connected = Boolean(workerUrl && token);
  const key = connected && collectionId ? `${workerUrl}|${token}|${collectionId}` : "";

  // The collections this token may check for, for the picker.
  useEffect(() => {
    if (!connected) {
      setCollections([]);
      return;
    }
    let gone = false;
    // The Worker's client loads once the pane is connected to one.
    import("../api/collections.js")
      .then(({ listCollections }) => listCollections({ baseUrl: workerUrl, token, lang }, "open"))
      .then((items) => !gone && setCollections(items))
      .catch(() => !gone && setCollections([]));
    return () => {
      gone = true;
    };
  }, [connected, workerUrl, token, lang]);

  useEffect(() => {
    if (!key) return;
    let gone = false;
    const cfg = { baseUrl: workerUrl, token, lang };
    (async () => {
      const { collectionDocs, getCollection } = await import("../api/collections.js");
      const info = await getCollection(cfg, collectionId);
      const docs = await collectionDocs(cfg, info);
      if (!gone) setLoaded({ key, info, ...docs });
    })().catch((e: unknown) => !gone && setFailure({ key, message: e instanceof Error ? e.message : String(e) }));
    return () => {
      gone = true;
    };
  }, [key, workerUrl, token, lang, collectionId]);

  const current = loaded && loaded.key === key ? loaded : null;
  const error = failure && failure.key === key ? failure.message : null;

  // The organisation's saved mappings, exactly those the Worker applies: for a collection, its department's.
  const owner = current?.info.orgId ?? "";
  const savedKey = connected && (!collectionId || current) ? `${workerUrl}|${token}|${owner}` : "";
  const [saved, setSaved] = useState<{ key: string; items: SavedMapping[]; templates: TemplateParsed[] } | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (!savedKey) return;
    let gone = false;
    (async () => {
      const api = await import("../api/mappings.js");
      const cfg = { baseUrl: workerUrl, token, lang };
      // No saved mappings or templates readable (offline, an old Worker): checks go on without them.
      const [items, own] = await Promise.all([api.savedMappings(cfg, owner || undefined).catch(() => []), collectionId ? Promise.resolve([]) : api.publishedTemplates(cfg).catch(() => [])]);
      // The organisation's own forms are recognised before the built-in ledgers (ties go to the first).
      const { BUILTIN_TEMPLATES } = own.length ? await (await import("../engine/index.js")).loadEngine() : { BUILTIN_TEMPLATES: [] };
      const ownRefs = new Set(own.map((x) => `${x.id}@${x.version}`));
      const templates = own.length ? [...own, ...BUILTIN_TEMPLATES.filter((b) => !ownRefs.has(`${b.id}@${b.version}`))] : [];
      if (!gone) setSaved({ key: savedKey, items, templates });
    })();
    return () => {
      gone = true;
    };
  }, [savedKey, workerUrl, token, lang, owner, reloads, collectionId]);
  const savedItems = useMemo(() => (saved && saved.key === savedKey ? saved.items : []), [saved, savedKey]);
  const orgTemplates = useMemo(() => (saved && saved.key === savedKey ? saved.templates : []), [saved, savedKey]);
  const mappings = useMemo<MappingInput[]>(() => [...savedItems.map((m) => m.mapping), ...(confirmed ? [confirmed] : [])], [savedItems, confirmed]);

  const options = useMemo<CheckOptions>(
    () =>
      current
        ? collectionCheckOptions({ template: current.template, ruleSet: current.ruleSet, asOf: current.info.asOf, lang, mappings })
        : { lang, asOf: date, ...(orgTemplates.length ? { templates: orgTemplates } : {}), ...(template ? { template } : {}), ...(mappings.length ? { mapping: mappings } : {}) },
    [current, lang, date, template, mappings, orgTemplates],
  );
  const basis: Basis = current
    ? { kind: "collection", collection: current.info, asOf: current.info.asOf }
    : { kind: "date", asOf: date, today: date === localToday(), loading: Boolean(key) && !error, error };
  const reloadSaved = useCallback(() => setReloads((n) => n + 1), []);
  // Until the saved mappings are in, a check would not be the one the Worker makes.
  const savedLoading = Boolean(savedKey) && !(saved && saved.key === savedKey);
  return { options, basis, setDate, collections, connected, ready: !(basis.kind === "date" && basis.loading) && !savedLoading, saved: savedItems, reloadSaved, orgTemplates };
}

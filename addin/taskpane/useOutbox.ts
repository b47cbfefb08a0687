import { useCallback, useEffect, useMemo, useState } from "react";
import { Outbox, type OutboxItem } from "../api/outbox.js";
import type { Verdict } from "../api/client.js";
import type { Settings } from "../settings/store.js";

export const RETRY_MS = 30_000;

/** The outbox as React state, retried on start, every RETRY_MS, and when the browser comes online. */
export function useOutbox(settings: Settings) {
  const outbox = useMemo(() => new Outbox(), []);
  const [items, setItems] = useState<OutboxItem[]>(() => outbox.list());
  const [lastSent, setLastSent] = useState<Verdict | null>(null);
  const refresh = useCallback(() => setItems(outbox.list()), [outbox]);

  const retry = useCallback(async () => {
    if (!settings.workerUrl || !outbox.list().length) return;
    const { sent } = await outbox.flush({ baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang });
    const last = sent.at(-1);
    if (last) setLastSent(last.verdict);
    refresh();
  }, [outbox, settings.workerUrl, settings.token, settings.lang, refresh]);

  useEffect(() => {
    void retry();
    const timer = setInterval(() => void retry(), RETRY_MS);
    const online = () => void retry();
    window.addEventListener("online", online);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", online);
    };
  }, [retry]);

  return { outbox, items, refresh, retry, lastSent };
}

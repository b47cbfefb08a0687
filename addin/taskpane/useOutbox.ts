import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { OUTBOX_KEY, Outbox, type OutboxItem, type OutboxTarget, type SubmitOutcome } from "../api/outbox.js";
import type { Verdict } from "../api/client.js";

/**
 * The outbox as React state. Queued items are sent when the pane starts, when each one's
 * back-off is due, when the browser comes online, and on 立即重试; each with the settings it
 * was queued under. Another tab's changes show up through the storage event.
 */
export function useOutbox() {
  const outbox = useMemo(() => new Outbox(), []);
  const [items, setItems] = useState<OutboxItem[]>(() => outbox.list());
  const [lastSent, setLastSent] = useState<Verdict | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => setItems(outbox.list()), [outbox]);

  const schedule = useRef<() => void>(() => undefined);
  const flush = useCallback(
    async (force = false) => {
      try {
        const { sent } = await outbox.flush(force);
        const last = sent.at(-1);
        if (last) setLastSent(last.verdict);
      } finally {
        refresh();
        schedule.current();
      }
    },
    [outbox, refresh],
  );

  schedule.current = () => {
    if (timer.current) clearTimeout(timer.current);
    const due = outbox.nextDue();
    if (due === null) return;
    timer.current = setTimeout(() => void flush(), Math.max(0, due - Date.now()));
  };

  useEffect(() => {
    void outbox.recover().then(() => flush());
    const online = () => void flush(true);
    const storage = (e: StorageEvent) => {
      if (e.key === OUTBOX_KEY) refresh();
    };
    window.addEventListener("online", online);
    window.addEventListener("storage", storage);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener("online", online);
      window.removeEventListener("storage", storage);
    };
  }, [outbox, flush, refresh]);

  const submit = useCallback(
    async (target: OutboxTarget, collectionId: string, grid: Parameters<Outbox["submit"]>[2]): Promise<SubmitOutcome> => {
      try {
        return await outbox.submit(target, collectionId, grid);
      } finally {
        refresh();
        schedule.current();
      }
    },
    [outbox, refresh],
  );

  const dismiss = useCallback(
    (id: string) => {
      outbox.dismiss(id);
      refresh();
      schedule.current();
    },
    [outbox, refresh],
  );

  return { items, submit, retry: () => flush(true), dismiss, lastSent, refresh };
}

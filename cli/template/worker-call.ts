import type { Lang } from "../../shared/findings/types.js";
import { UsageError } from "../options.js";
import { templateText } from "./messages.js";

/** One request to the Worker with a Bearer token; its refusal in the user's language, never a stack trace. */
export async function workerCall(base: string, path: string, token: string, lang: Lang, init: RequestInit = {}): Promise<Response> {
  const t = templateText(lang);
  const url = `${base.replace(/\/+$/, "")}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, "accept-language": lang === "en" ? "en" : "zh-CN", ...(init.headers ?? {}) } });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new UsageError(t.network(url, cause ?? (err instanceof Error ? err.message : String(err))));
  }
  if (!res.ok) {
    const text = await res.text();
    let message = text.slice(0, 300);
    try {
      const body = JSON.parse(text) as { error?: { message?: string; messageEn?: string } };
      message = (lang === "en" ? body.error?.messageEn : body.error?.message) ?? message;
    } catch {
      // not JSON: the text as it came
    }
    throw new UsageError(t.server(res.status, message));
  }
  return res;
}

import type { MappingInput } from "../../shared/template/mapping.js";
import { Template, type TemplateParsed } from "../../shared/template/schema.js";
import { call, type ApiConfig } from "./client.js";

/**
 * The organisation's saved mappings and its templates on the Worker: what the pane applies to
 * every check (exactly the Worker's own, `GET /v1/mappings?org=` the collection's owner), what
 * an admin saves (`POST /v1/mappings`), and a template an admin made from a form.
 */
export interface SavedMapping {
  orgId: string;
  id: string;
  version: number;
  title: string;
  mapping: MappingInput;
}

export interface Published {
  orgId: string;
  id: string;
  version: number;
  /** False when the content was that of the latest version: no new version was made. */
  created: boolean;
}

const enc = encodeURIComponent;

export async function savedMappings(cfg: ApiConfig, org?: string): Promise<SavedMapping[]> {
  const body = (await call(cfg, `/v1/mappings${org ? `?org=${enc(org)}` : ""}`, { method: "GET" })) as { items?: { meta: Record<string, unknown>; mapping: Record<string, unknown> }[] } | null;
  return (body?.items ?? []).map(({ meta, mapping }) => {
    const orgId = String(meta.orgId ?? "");
    const version = Number(meta.version ?? 0);
    return {
      orgId,
      id: String(meta.id ?? ""),
      version,
      title: String(meta.title ?? ""),
      mapping: {
        template: mapping.template as MappingInput["template"],
        columns: (mapping.columns ?? {}) as Record<string, string | null>,
        values: (mapping.values ?? {}) as Record<string, Record<string, string>>,
        saved: { id: String(meta.id ?? ""), version, orgId },
      },
    };
  });
}

/** Publish with the Worker's verdict on novelty: 201 a new version, 200 the latest one (same content). */
async function publish(cfg: ApiConfig, path: string, doc: unknown): Promise<Published> {
  const f = cfg.fetch ?? fetch;
  const res = await f(`${cfg.baseUrl.replace(/\/+$/, "")}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${cfg.token}`, "content-type": "application/json", "accept-language": cfg.lang === "en" ? "en" : "zh-CN" },
    body: JSON.stringify(doc),
  }).catch((e: unknown) => {
    throw new Error(`network: ${(e as Error).message}`);
  });
  const body = (await res.json().catch(() => null)) as { orgId?: string; id?: string; version?: number; error?: { message?: string; messageEn?: string } } | null;
  if (!res.ok) throw new Error(`${res.status} ${(cfg.lang === "en" ? body?.error?.messageEn : body?.error?.message) ?? res.statusText}`);
  return { orgId: String(body?.orgId ?? ""), id: String(body?.id ?? ""), version: Number(body?.version ?? 0), created: res.status === 201 };
}

export function saveMapping(cfg: ApiConfig, doc: { id: string; title: string } & Pick<MappingInput, "template" | "columns" | "values">): Promise<Published> {
  return publish(cfg, "/v1/mappings", doc);
}

export function publishTemplate(cfg: ApiConfig, template: unknown): Promise<Published> {
  return publish(cfg, "/v1/templates", template);
}

/** The Excel form of a published template version, as bytes to hand out. */
export async function formFile(cfg: ApiConfig, id: string, version: number): Promise<Uint8Array> {
  const f = cfg.fetch ?? fetch;
  const res = await f(`${cfg.baseUrl.replace(/\/+$/, "")}/v1/templates/${enc(id)}/${version}/xlsx`, {
    headers: { authorization: `Bearer ${cfg.token}`, "accept-language": cfg.lang === "en" ? "en" : "zh-CN" },
  });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Most templates of an organisation the pane recognises sheets by (each one request). */
const MAX_TEMPLATES = 50;

/**
 * The latest version of every template the caller can read (its department's own forms among
 * them), so that a filled copy of a form the department handed out is recognised as that template.
 */
export async function publishedTemplates(cfg: ApiConfig): Promise<TemplateParsed[]> {
  const list = (await call(cfg, "/v1/templates", { method: "GET" })) as { items?: { orgId: string; id: string; version: number }[] } | null;
  const items = (list?.items ?? []).slice(0, MAX_TEMPLATES);
  const docs = await Promise.all(
    items.map(async (i) => {
      const body = (await call(cfg, `/v1/templates/${enc(`${i.id}@${i.version}`)}?org=${enc(i.orgId)}`, { method: "GET" })) as { template?: unknown };
      const parsed = Template.safeParse(body?.template);
      return parsed.success ? parsed.data : null;
    }),
  );
  return docs.filter((t): t is TemplateParsed => t !== null);
}

import { Button, Caption1, Card, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { InferredTemplate } from "../../../shared/template/infer/infer-template.js";
import type { FieldParsed, TemplateParsed } from "../../../shared/template/schema.js";
import type { Published } from "../../api/mappings.js";
import { inferFromSheet, loadEngine } from "../../engine/index.js";
import type { LedgerHost } from "../../host/types.js";
import type { Settings } from "../../settings/store.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flexGrow: 1, minWidth: "140px" },
  wrap: { overflowWrap: "anywhere" },
});

const TYPES: FieldParsed["type"][] = ["string", "integer", "number", "money", "percent", "date", "datetime", "month", "boolean", "idNumber", "phone"];
const split = (text: string) => [...new Set(text.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean))];

/**
 * 「从此表生成模板」 for an admin: the active sheet's header proposed as a template (names, titles,
 * types, allowed values, required and unique columns, known fields), reviewed here, published as a
 * new template version on the Worker, and its Excel form downloaded for the branches.
 */
export function TemplateMaker({ host, settings }: { host: LedgerHost; settings: Settings }) {
  const t = useT();
  const styles = useStyles();
  const cfg = { baseUrl: settings.workerUrl, token: settings.token, lang: settings.lang };
  const connected = Boolean(settings.workerUrl && settings.token);
  const [inferred, setInferred] = useState<InferredTemplate | null>(null);
  const [draft, setDraft] = useState<TemplateParsed | null>(null);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<Published | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const fail = (e: unknown) => setNote({ intent: "error", text: e instanceof Error ? e.message : String(e) });

  const make = async () => {
    setBusy(true);
    setNote(null);
    setPublished(null);
    try {
      const grid = await host.readActiveSheet();
      if (!grid) throw new Error(t.noSheetOpen);
      const redCells = (await host.redCells?.(grid.name)) ?? [];
      const fileName = host.fileName?.() ?? undefined;
      const r = await inferFromSheet(grid, { redCells, ...(fileName ? { fileName } : {}) });
      setInferred(r);
      setDraft(structuredClone(r.template));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const edit = (i: number, change: (f: FieldParsed) => FieldParsed) =>
    setDraft((d) => (d ? { ...d, fields: d.fields.map((f, j) => (j === i ? change(structuredClone(f)) : f)) } : d));
  const constraint = (f: FieldParsed, key: "required" | "unique" | "enum", value: boolean | string[] | undefined): FieldParsed => {
    const c = { ...(f.constraints ?? {}) } as Record<string, unknown>;
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) delete c[key];
    else c[key] = value;
    return { ...f, constraints: Object.keys(c).length ? (c as FieldParsed["constraints"]) : undefined };
  };

  const publish = async () => {
    if (!draft) return;
    setBusy(true);
    setNote(null);
    try {
      const { Template } = await loadEngine();
      const parsed = Template.safeParse(draft);
      if (!parsed.success) throw new Error(t.tplInvalid(parsed.error.issues.slice(0, 2).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
      const { publishTemplate } = await import("../../api/mappings.js");
      const done = await publishTemplate(cfg, parsed.data);
      setPublished(done);
      setNote({ intent: "success", text: t.tplPublished(done.id, done.version, done.created) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    if (!published || !draft) return;
    try {
      const { formFile } = await import("../../api/mappings.js");
      const bytes = await formFile(cfg, published.id, published.version);
      if (await host.saveFile?.(`${draft.title}.xlsx`, bytes)) setNote({ intent: "success", text: t.formDownloaded });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Card size="small" className={styles.col} data-testid="template-maker">
      <Text weight="semibold" as="h2">
        {t.makeTemplateTitle}
      </Text>
      <Caption1 className={styles.wrap}>{t.makeTemplateHint}</Caption1>
      <div className={styles.row}>
        <Button size="small" onClick={() => void make()} disabled={busy} data-testid="make-template">
          {t.makeTemplate}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      {inferred && draft ? (
        <div className={styles.col} data-testid="template-review" data-fields={draft.fields.length}>
          <Caption1 data-testid="template-kind">{inferred.ledger ? t.tplKind(t.kind(inferred.ledger.kind)) : t.tplForm}</Caption1>
          <div className={styles.row}>
            <Field label={t.tplId} size="small" className={styles.grow}>
              <Input size="small" value={draft.id} onChange={(_, d) => setDraft({ ...draft, id: d.value.trim() })} data-testid="tpl-id" />
            </Field>
            <Field label={t.tplTitle} size="small" className={styles.grow}>
              <Input size="small" value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} data-testid="tpl-title" />
            </Field>
          </div>
          {draft.fields.map((f, i) => {
            const col = inferred.columns[i];
            return (
              <div key={col?.column ?? i} className={styles.field} data-testid="tpl-field" data-column={col?.column ?? ""} data-name={f.name}>
                <div className={styles.row}>
                  <Caption1>{col?.column}</Caption1>
                  <Input size="small" aria-label={`${col?.column ?? ""} ${t.tplHeader}`} value={f.title} onChange={(_, d) => edit(i, (x) => ({ ...x, title: d.value }))} className={styles.grow} data-testid={`tpl-title-${col?.column}`} />
                  <Select size="small" aria-label={`${col?.column ?? ""} ${t.tplType}`} value={f.type} onChange={(_, d) => edit(i, (x) => ({ ...x, type: d.value as FieldParsed["type"] }))} data-testid={`tpl-type-${col?.column}`}>
                    {TYPES.map((ty) => (
                      <option key={ty} value={ty}>
                        {t.tplTypes[ty] ?? ty}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className={styles.row}>
                  <Checkbox label={t.tplRequired} checked={f.constraints?.required === true} onChange={(_, d) => edit(i, (x) => constraint(x, "required", d.checked === true))} data-testid={`tpl-required-${col?.column}`} />
                  <Checkbox label={t.tplUnique} checked={f.constraints?.unique === true} onChange={(_, d) => edit(i, (x) => constraint(x, "unique", d.checked === true))} />
                  {col?.required.length ? <Caption1>（{col.required.map((w) => t.tplWhy[w] ?? w).join("、")}）</Caption1> : null}
                  {col?.knownTitle ? <Caption1>{t.tplKnown(col.knownTitle)}</Caption1> : null}
                </div>
                {f.type === "string" ? (
                  <Input
                    size="small"
                    aria-label={`${col?.column ?? ""} ${t.tplAllowed}`}
                    placeholder={t.tplAllowed}
                    defaultValue={(f.constraints?.enum ?? []).join("、")}
                    // Read when the admin leaves the box: a separator being typed is not an empty value.
                    onBlur={(e) => edit(i, (x) => constraint(x, "enum", split(e.currentTarget.value)))}
                    data-testid={`tpl-allowed-${col?.column}`}
                  />
                ) : null}
              </div>
            );
          })}
          <div className={styles.row}>
            <Button appearance="primary" size="small" onClick={() => void publish()} disabled={busy || !connected} data-testid="publish-template">
              {t.publishTemplate}
            </Button>
            {published && host.saveFile ? (
              <Button size="small" onClick={() => void download()} data-testid="download-form">
                {t.downloadForm}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
      {note ? (
        <MessageBar intent={note.intent} data-testid="template-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}

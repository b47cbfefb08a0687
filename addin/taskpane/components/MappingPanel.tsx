import { Badge, Button, Caption1, Card, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { CheckOptions } from "../../../shared/check/options.js";
import type { SheetGrid } from "../../../shared/grid/types.js";
import type { SheetReport } from "../../../shared/findings/types.js";
import type { MappingProposal, ProposedColumn } from "../../../shared/mapping/propose.js";
import type { MappingInput } from "../../../shared/template/mapping.js";
import { loadEngine, mappingProposal, type TemplateChoice } from "../../engine/index.js";
import { useT } from "../i18n.js";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXS} 0`, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between" },
  values: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalM },
  value: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  wrap: { overflowWrap: "anywhere" },
});

interface Answer {
  field: string | null;
  /** Text as written → allowed value ("" keeps it as written). */
  values: Record<string, string>;
}

/** The values a column holds that a field does not allow, each with the allowed value it most likely means. */
function unknownValues(col: ProposedColumn, allowed: readonly string[], guess: (text: string) => string | null) {
  const ok = new Set(allowed);
  return col.distinct.filter((d) => !ok.has(d.text)).map((d) => ({ ...d, to: guess(d.text) }));
}

function answersOf(p: MappingProposal): Map<number, Answer> {
  const out = new Map<number, Answer>();
  for (const c of p.columns) out.set(c.col, { field: c.field, values: Object.fromEntries(c.values.filter((v) => v.to).map((v) => [v.from, v.to!])) });
  return out;
}

function SureBadge({ c, changed }: { c: ProposedColumn; changed: boolean }) {
  const t = useT();
  if (changed) return <Badge appearance="tint" color="brand">{t.mappingChosen}</Badge>;
  if (c.source === "mapping") return <Badge appearance="tint" color="success">{t.mappingConfirmedBadge}</Badge>;
  if (!c.field) return <Badge appearance="outline" color="informative">{t.mappingNone}</Badge>;
  const pct = Math.round(c.confidence * 100);
  return (
    <Badge appearance="tint" color={c.confidence >= 0.8 ? "success" : c.confidence >= 0.5 ? "warning" : "danger"} data-testid="map-sure">
      {t.mappingSure(pct)}
    </Badge>
  );
}

/**
 * The mapping step: each header column with a few of its values, the field proposed and how sure,
 * for the clerk to confirm, change or leave out; values written another way mapped to the allowed
 * ones. 按此对应检查 checks at once with it; 保存给本组织 (an admin) keeps it on the Worker for every branch.
 */
export function MappingPanel(props: {
  grid: SheetGrid;
  report: SheetReport;
  options: CheckOptions;
  choices: TemplateChoice[];
  connected: boolean;
  collection: boolean;
  onApply(mapping: MappingInput): void;
  onSave(mapping: MappingInput, title: string): Promise<string>;
  onClose(): void;
}) {
  const t = useT();
  const styles = useStyles();
  const { grid, report, options } = props;
  const [pick, setPick] = useState<string>(report.template?.id ?? "");
  const [proposal, setProposal] = useState<MappingProposal | null>(null);
  const [answers, setAnswers] = useState<Map<number, Answer>>(new Map());
  const [guess, setGuess] = useState<((text: string, allowed: string[]) => string | null) | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let gone = false;
    void loadEngine().then((e) => !gone && setGuess(() => (text: string, allowed: string[]) => e.guessValue(text, allowed, undefined)));
    const opts = {
      ...(options.templates ? { templates: options.templates } : {}),
      ...(pick ? { template: { id: pick } } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.ruleSet ? { ruleSet: options.ruleSet } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
      lang: options.lang ?? "zh",
    };
    void mappingProposal(grid, opts).then((p) => {
      if (gone) return;
      setProposal(p);
      setAnswers(p ? answersOf(p) : new Map());
      if (p && !pick) setPick(p.template.id);
    });
    return () => {
      gone = true;
    };
  }, [grid, options, pick]);

  const fields = useMemo(() => new Map((proposal?.fields ?? []).map((f) => [f.name, f])), [proposal]);
  const templates = useMemo(() => {
    const list = props.choices.map((c) => ({ id: c.id, title: options.lang === "en" ? c.titleEn : c.title }));
    if (proposal && !list.some((c) => c.id === proposal.template.id)) list.unshift({ id: proposal.template.id, title: proposal.template.title });
    return list.filter((c, i) => list.findIndex((x) => x.id === c.id) === i);
  }, [props.choices, proposal, options.lang]);

  const setAnswer = (col: number, a: Partial<Answer>) => setAnswers((m) => new Map(m).set(col, { ...(m.get(col) ?? { field: null, values: {} }), ...a }));
  const mapping = (): MappingInput | null => {
    if (!proposal) return null;
    const columns: Record<string, string | null> = {};
    const values: Record<string, Record<string, string>> = {};
    for (const c of proposal.columns) {
      if (c.header.trim() === "") continue;
      const a = answers.get(c.col) ?? { field: c.field, values: {} };
      columns[c.header] = a.field;
      const chosen = Object.entries(a.values).filter(([, to]) => to !== "");
      if (a.field && chosen.length) values[a.field] = { ...(values[a.field] ?? {}), ...Object.fromEntries(chosen) };
    }
    return { template: { id: proposal.template.id }, columns, values };
  };
  const apply = () => {
    const m = mapping();
    if (m) props.onApply(m);
  };
  const save = async () => {
    const m = mapping();
    if (!m || !proposal) return;
    setSaving(true);
    setNote(null);
    try {
      setNote({ intent: "success", text: await props.onSave(m, proposal.template.title) });
    } catch (e) {
      setNote({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };

  const unrecognised = report.status === "unrecognised";
  return (
    <Card size="small" className={styles.col} data-testid="mapping-panel" aria-label={t.mappingTitle}>
      <Text weight="semibold" as="h2">
        {t.mappingTitle}
      </Text>
      <Caption1 className={styles.wrap}>{unrecognised ? t.mappingIntroUnrecognised : t.mappingIntro}</Caption1>
      <Field label={t.mappingTemplate} size="small">
        <Select size="small" value={pick} onChange={(_, d) => setPick(d.value)} data-testid="map-template">
          {templates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
      </Field>
      {!proposal ? <Spinner size="tiny" /> : null}
      {proposal?.columns.map((c) => {
        const a = answers.get(c.col) ?? { field: c.field, values: {} };
        const f = a.field ? fields.get(a.field) : undefined;
        const unknown = f && f.allowed.length && guess ? unknownValues(c, f.allowed, (text) => guess(text, f.allowed)) : [];
        return (
          <div key={c.col} className={styles.column} data-testid="map-column" data-column={c.column} data-field={a.field ?? ""}>
            <div className={styles.head}>
              <Text weight="semibold" className={styles.wrap}>
                {c.column} {c.header}
              </Text>
              <SureBadge c={c} changed={a.field !== c.field} />
            </div>
            <Caption1 className={styles.wrap}>{c.samples.length ? t.mappingSamples(c.samples) : t.mappingNoSamples}</Caption1>
            <Select
              size="small"
              aria-label={t.mappingField(c.column, c.header)}
              value={a.field ?? ""}
              onChange={(_, d) => setAnswer(c.col, { field: d.value || null, values: {} })}
              data-testid={`map-field-${c.column}`}
            >
              <option value="">{t.mappingIgnore}</option>
              {proposal.fields.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.title}
                </option>
              ))}
            </Select>
            {unknown.length ? (
              <div className={styles.values}>
                {unknown.map((v) => (
                  <div key={v.text} className={styles.value}>
                    <Caption1>{t.mappingValueRow(v.text, v.count)}</Caption1>
                    <Select
                      size="small"
                      aria-label={t.mappingValueRow(v.text, v.count)}
                      value={a.values[v.text] ?? ""}
                      onChange={(_, d) => setAnswer(c.col, { values: { ...a.values, [v.text]: d.value } })}
                      data-testid={`map-value-${c.column}-${v.text}`}
                    >
                      <option value="">{t.mappingValueKeep}</option>
                      {f!.allowed.map((x) => (
                        <option key={x} value={x}>
                          {x}
                        </option>
                      ))}
                    </Select>
                  </div>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" onClick={apply} disabled={!proposal} data-testid="map-apply">
          {t.mappingApply}
        </Button>
        {props.connected ? (
          <Button size="small" onClick={() => void save()} disabled={!proposal || saving} data-testid="map-save" title={t.mappingSaveHint}>
            {t.mappingSave}
          </Button>
        ) : null}
        <Button size="small" appearance="subtle" onClick={props.onClose} data-testid="map-close">
          {t.mappingClose}
        </Button>
        {saving ? <Spinner size="tiny" /> : null}
      </div>
      {props.connected ? <Caption1 className={styles.wrap}>{t.mappingSaveHint}</Caption1> : null}
      {note ? (
        <MessageBar intent={note.intent} data-testid="map-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.collection ? <Caption1 className={styles.wrap}>{t.mappingLocalOnly}</Caption1> : null}
    </Card>
  );
}

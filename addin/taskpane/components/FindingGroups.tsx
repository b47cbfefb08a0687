import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { periodLabel } from "../../../shared/calendar/period-order.js";
import { DETERMINED_EXPECTED } from "../../../shared/findings/fix.js";
import { groupDigits } from "../../../shared/findings/summary.js";
import { findingTitle } from "../../../shared/findings/titles.js";
import type { Finding, Lang } from "../../../shared/findings/types.js";
import { displayMessage, type RuleGroup } from "../findings.js";
import { useT } from "../i18n.js";
import { SeverityCounts } from "./SummaryBar.js";

const PAGE = 200;
/** Groups open when the list (re)appears; the rest are one click (or 全部展开) away. */
const OPEN_GROUPS = 8;

const useStyles = makeStyles({
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", width: "100%" },
  heading: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  row: { display: "flex", flexDirection: "column", alignItems: "stretch", margin: "1px 0" },
  item: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular, minHeight: "28px", overflowWrap: "anywhere" },
  fixRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, paddingLeft: "calc(3.5em + 12px)" },
  expected: { color: tokens.colorNeutralForeground2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em", display: "inline-block" },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  toolbar: { display: "flex", justifyContent: "flex-end" },
  period: { paddingLeft: "8px", margin: "2px 0" },
});

export interface FindingActions {
  onSelect(f: Finding): void;
  /** Jumps to the entry of another ledger a finding was compared with (same workbook only). */
  onSelectCell?(sheet: string, cell: string): void;
  /** Present where the host can write cells: 改为应为值 on findings whose right value is determined. */
  onFix?(f: Finding): void;
  lang: Lang;
  showCodes: boolean;
}

function expectedText(f: Finding): string {
  return f.expected && DETERMINED_EXPECTED[f.code] === "money" ? groupDigits(f.expected) : (f.expected ?? "");
}

function relatedPlace(r: NonNullable<Finding["related"]>): string {
  const where = r.cell ? `${r.sheet}!${r.cell}` : r.sheet;
  return r.file ? `${r.file} ${where}` : where;
}

function RelatedLink({ f, actions }: { f: Finding; actions: FindingActions }) {
  const t = useT();
  const styles = useStyles();
  const r = f.related!;
  const label = t.related(relatedPlace(r));
  // Another file cannot be opened from the pane; only the same workbook's entries are a jump.
  if (r.file || !r.cell || !actions.onSelectCell) {
    return (
      <Caption1 className={styles.expected} data-testid="related">
        {label}
      </Caption1>
    );
  }
  return (
    <Button size="small" appearance="transparent" data-testid="related" onClick={() => actions.onSelectCell!(r.sheet, r.cell!)}>
      {label}
    </Button>
  );
}

function FindingRow({ f, actions }: { f: Finding; actions: FindingActions }) {
  const t = useT();
  const styles = useStyles();
  const canFix = Boolean(actions.onFix && DETERMINED_EXPECTED[f.code] && f.expected && f.cell && !f.code.startsWith("id.") && f.field !== "idNumber");
  return (
    <div className={`${styles.row} ${styles[f.severity]}`} data-testid="finding" data-finding-cell={f.cell ?? ""} data-severity={f.severity} data-code={f.code}>
      <Button appearance="subtle" size="small" className={styles.item} data-testid="finding-select" onClick={() => actions.onSelect(f)}>
        <span className={styles.cell}>{f.cell}</span> {displayMessage(f, actions.lang)}
      </Button>
      {f.related ? (
        <div className={styles.fixRow}>
          <RelatedLink f={f} actions={actions} />
        </div>
      ) : null}
      {f.expected ? (
        <div className={styles.fixRow}>
          <Caption1 className={styles.expected} data-testid="expected">
            {t.expected}：{expectedText(f)}
          </Caption1>
          {canFix ? (
            <Button size="small" appearance="outline" data-testid="fix" onClick={() => actions.onFix!(f)}>
              {t.fix}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function GroupItems({ group, actions }: { group: RuleGroup; actions: FindingActions }) {
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  const left = group.findings.length - shown;
  return (
    <>
      {group.findings.slice(0, shown).map((f, i) => (
        <FindingRow key={`${f.cell}-${i}`} f={f} actions={actions} />
      ))}
      {left > 0 ? (
        <Button size="small" appearance="transparent" data-testid="more" onClick={() => setShown(shown + PAGE)}>
          {t.more(Math.min(PAGE, left), left)}
        </Button>
      ) : null}
    </>
  );
}

export function FindingGroups({ groups, actions }: { groups: RuleGroup[]; actions: FindingActions }) {
  const styles = useStyles();
  const t = useT();
  // The first groups are open unless closed; any group opened by hand stays open across re-checks.
  const [toggled, setToggled] = useState<{ opened: Set<string>; closed: Set<string> }>({ opened: new Set(), closed: new Set() });
  if (!groups.length) return null;
  const open = groups.filter((g, i) => toggled.opened.has(g.code) || (i < OPEN_GROUPS && !toggled.closed.has(g.code))).map((g) => g.code);
  const allOpen = open.length === groups.length;
  const setOpen = (codes: string[]) => {
    const now = new Set(codes);
    setToggled({ opened: new Set(groups.filter((g) => now.has(g.code)).map((g) => g.code)), closed: new Set(groups.filter((g) => !now.has(g.code)).map((g) => g.code)) });
  };
  return (
    <div>
      {groups.length > 1 ? (
        <div className={styles.toolbar}>
          <Button size="small" appearance="transparent" data-testid="expand-all" onClick={() => setOpen(allOpen ? [] : groups.map((g) => g.code))}>
            {allOpen ? t.collapseAll : t.expandAll}
          </Button>
        </div>
      ) : null}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))} data-testid="finding-groups">
        {groups.map((g) => (
          <AccordionItem key={g.code} value={g.code} data-testid="rule-group" data-code={g.code} data-count={g.findings.length}>
            <AccordionHeader size="small">
              <span className={styles.header}>
                <span className={styles.heading}>
                  <span className={styles.title} data-testid="rule-title">
                    {g.title}
                  </span>
                  {actions.showCodes ? (
                    <span className={styles.code} data-testid="rule-code">
                      {g.code}
                    </span>
                  ) : null}
                </span>
                <SeverityCounts counts={g.counts} />
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <GroupItems group={g} actions={actions} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

export function PeriodFindings({ groups, lang, showCodes }: { groups: { period: string; findings: Finding[] }[]; lang: Lang; showCodes: boolean }) {
  const t = useT();
  const styles = useStyles();
  if (!groups.length) return null;
  return (
    <section data-testid="period-findings" aria-label={t.byPeriod}>
      <Caption1>{t.byPeriod}</Caption1>
      {groups.map((g) => (
        <div key={g.period} data-testid="period-group" data-period={g.period}>
          <Caption1 block>
            <b>{g.period ? periodLabel(g.period, lang) : t.noPeriod}</b>
          </Caption1>
          {g.findings.map((f, i) => (
            <div key={i} className={`${styles[f.severity]} ${styles.period}`} data-testid="period-finding" data-code={f.code} data-period={f.period ?? ""}>
              <Caption1>
                {t.severity[f.severity]} · {findingTitle(f.code, lang)} · {displayMessage(f, lang)}
                {showCodes ? ` [${f.code}]` : ""}
              </Caption1>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

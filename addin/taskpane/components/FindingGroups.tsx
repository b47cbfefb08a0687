import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { findingTitle } from "../../../shared/findings/titles.js";
import type { Finding, Lang } from "../../../shared/findings/types.js";
import type { RuleGroup } from "../findings.js";
import { useT } from "../i18n.js";
import { SeverityCounts } from "./SummaryBar.js";

const PAGE = 200;
/** Groups open when the list (re)appears; a filter change re-mounts the list (see CheckPanel). */
const OPEN_GROUPS = 8;

const useStyles = makeStyles({
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", width: "100%" },
  heading: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  item: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular, minHeight: "28px" },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em", display: "inline-block" },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
});

function GroupItems({ group, onSelect }: { group: RuleGroup; onSelect(f: Finding): void }) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      {group.findings.slice(0, shown).map((f, i) => (
        <Button
          key={`${f.cell}-${i}`}
          appearance="subtle"
          size="small"
          className={`${styles.item} ${styles[f.severity]}`}
          data-testid="finding"
          data-finding-cell={f.cell ?? ""}
          data-severity={f.severity}
          onClick={() => onSelect(f)}
        >
          <span className={styles.cell}>{f.cell}</span> {f.message}
        </Button>
      ))}
      {group.findings.length > shown ? (
        <Button size="small" appearance="transparent" onClick={() => setShown(shown + PAGE)}>
          … {group.findings.length - shown}
        </Button>
      ) : null}
    </>
  );
}

export function FindingGroups({ groups, onSelect }: { groups: RuleGroup[]; onSelect(f: Finding): void }) {
  const styles = useStyles();
  useT();
  if (!groups.length) return null;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.slice(0, OPEN_GROUPS).map((g) => g.code)} data-testid="finding-groups">
      {groups.map((g) => (
        <AccordionItem key={g.code} value={g.code} data-testid="rule-group" data-code={g.code}>
          <AccordionHeader size="small">
            <span className={styles.header} title={g.code}>
              <span className={styles.heading}>
                <span className={styles.title} data-testid="rule-title">
                  {g.title}
                </span>
                <span className={styles.code} data-testid="rule-code">
                  {g.code}
                </span>
              </span>
              <SeverityCounts counts={g.counts} />
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <GroupItems group={g} onSelect={onSelect} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

export function PeriodFindings({ groups, lang }: { groups: { period: string; findings: Finding[] }[]; lang: Lang }) {
  const t = useT();
  const styles = useStyles();
  if (!groups.length) return null;
  return (
    <div data-testid="period-findings">
      <Caption1>{t.byPeriod}</Caption1>
      {groups.map((g) => (
        <div key={g.period}>
          <Caption1 block>
            <b>{g.period || t.noPeriod}</b>
          </Caption1>
          {g.findings.map((f, i) => (
            <div key={i} className={styles[f.severity]} style={{ paddingLeft: 8, margin: "2px 0" }} data-testid="period-finding" data-code={f.code} title={f.code}>
              <Caption1>
                {t.severity[f.severity]} · {findingTitle(f.code, lang)} · {f.message}
              </Caption1>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

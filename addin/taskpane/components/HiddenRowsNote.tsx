import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SheetGrid } from "../../../shared/grid/types.js";
import { useT } from "../i18n.js";

/** Says so when the host could not tell which rows are hidden: a stated count may then be misjudged. */
export function HiddenRowsNote({ grid }: { grid: SheetGrid | null }) {
  const t = useT();
  if (!grid?.hiddenRowsUnknown) return null;
  return (
    <MessageBar intent="warning" data-testid="hidden-rows-unknown">
      <MessageBarBody>{t.hiddenRowsUnknown}</MessageBarBody>
    </MessageBar>
  );
}

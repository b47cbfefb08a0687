import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { strings } from "../../../addin/i18n/strings.js";
import { HiddenRowsNote } from "../../../addin/taskpane/components/HiddenRowsNote.js";
import { StringsContext } from "../../../addin/taskpane/i18n.js";

const grid = { name: "花名册", values: [["姓名"], ["甲"]] };

describe("the pane says when it could not tell the hidden rows", () => {
  it("shows the note, in Chinese first, for a grid whose hidden rows are unknown", () => {
    const html = renderToStaticMarkup(<HiddenRowsNote grid={{ ...grid, hiddenRowsUnknown: true }} />);
    expect(html).toContain('data-testid="hidden-rows-unknown"');
    expect(html).toContain("无法告知哪些行已隐藏");
  });

  it("in English when the clerk chose it", () => {
    const html = renderToStaticMarkup(
      <StringsContext.Provider value={strings("en")}>
        <HiddenRowsNote grid={{ ...grid, hiddenRowsUnknown: true }} />
      </StringsContext.Provider>,
    );
    expect(html).toContain("does not tell which rows are hidden");
  });

  it("says nothing when the hidden rows are known, some or none", () => {
    expect(renderToStaticMarkup(<HiddenRowsNote grid={{ ...grid, hiddenRows: [1] }} />)).toBe("");
    expect(renderToStaticMarkup(<HiddenRowsNote grid={grid} />)).toBe("");
    expect(renderToStaticMarkup(<HiddenRowsNote grid={null} />)).toBe("");
  });
});

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ExcelHost } from "./excel/host.js";
import { detectSupport } from "./excel/requirements.js";
import { App } from "./taskpane/App.js";
import type { WebHost } from "./web/host.js";

const root = createRoot(document.getElementById("root")!);

async function renderWeb() {
  // Web mode's host, grid and shell load only in web mode: Excel's pane never pays for them.
  const [{ WebShell }, { WebHost }] = await Promise.all([import("./web/WebShell.js"), import("./web/host.js")]);
  const host = new WebHost();
  (window as unknown as { __ledgerHost?: WebHost }).__ledgerHost = host;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <WebShell host={host} />
    </FluentProvider>,
  );
}

function renderExcel() {
  const host = new ExcelHost((batch, reuse) => (reuse ? Excel.run(reuse, batch) : Excel.run(batch)), detectSupport());
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

// taskpane.html loads office.js; index.html (web mode) does not.
if (typeof Office !== "undefined") {
  void Office.onReady((info) => (info.host === Office.HostType.Excel ? renderExcel() : void renderWeb()));
} else {
  void renderWeb();
}

/**
 * manifest.xml, checked offline. No XSD for current XML manifests ships in any npm package
 * (office-addin-manifest validates online; the 2020 XSD copies reject <Runtimes>), so this is
 * a structural check: well-formed XML (saxes, a strict parser), element order, every resid
 * resolves, https URLs on the app domain, string lengths, the shared runtime and DJ namespace.
 */
import { existsSync, readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  parser.on("opentag", (t) => {
    const el: El = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), children: [], text: "" };
    stack.at(-1)!.children.push(el);
    if (!t.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (t) => {
    if (!t.isSelfClosing) stack.pop();
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.write(xml).close();
  return root.children[0]!;
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const path = (el: El, ...names: string[]) => names.reduce<El | undefined>((e, n) => (e ? child(e, n) : undefined), el);

const ROOT = new URL("../../..", import.meta.url).pathname;
const xml = readFileSync(`${ROOT}manifest.xml`, "utf8");
const app = parse(xml);
const nodes = all(app);

describe("manifest.xml (structural, offline)", () => {
  it("is well-formed XML with the Office namespaces, a TaskPaneApp for Excel (Workbook)", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id")!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(app, "Version")!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(path(app, "Hosts")!.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(() => parse(xml.replace("</Hosts>", ""))).toThrow();
  });

  it("keeps the top-level elements in the order the schema requires", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    expect(app.children.map((c) => c.name)).toEqual(order);
    const host = path(app, "VersionOverrides", "Hosts", "Host")!;
    expect(host.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(path(host, "DesktopFormFactor")!.children.map((c) => c.name)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(path(app, "VersionOverrides", "Resources")!.children.map((c) => c.name)).toEqual(["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  it("resolves every resid, and every resource is used", () => {
    const resources = path(app, "VersionOverrides", "Resources")!;
    const ids = new Map(resources.children.flatMap((g) => g.children.map((r) => [r.attrs.id!, g.name] as const)));
    const used = nodes.map((n) => n.attrs.resid).filter((r): r is string => !!r);
    for (const r of used) expect(ids.has(r), `resid ${r}`).toBe(true);
    for (const id of ids.keys()) expect(used, `unused resource ${id}`).toContain(id);
  });

  it("uses https URLs on the app domain, and the icons exist", () => {
    const domain = path(app, "AppDomains", "AppDomain")!.text;
    const urls = nodes.flatMap((n) => (n.attrs.DefaultValue?.startsWith("http") ? [n.attrs.DefaultValue] : []));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${domain}/`), u).toBe(true);
    for (const u of urls.filter((x) => x.includes("/assets/"))) expect(existsSync(`${ROOT}addin/public${new URL(u).pathname}`), u).toBe(true);
  });

  it("declares the shared runtime, the DJ custom functions and ExcelApi 1.7", () => {
    const sets = path(app, "Requirements", "Sets")!.children.map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toEqual(["SharedRuntime 1.1", "ExcelApi 1.7"]);
    const host = path(app, "VersionOverrides", "Hosts", "Host")!;
    expect(path(host, "Runtimes", "Runtime")!.attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = path(host, "AllFormFactors", "ExtensionPoint")!;
    expect(cf.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(cf.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(path(cf, "Page", "SourceLocation")!.attrs.resid).toBe("Taskpane.Url");
    expect(path(host, "DesktopFormFactor", "FunctionFile")!.attrs.resid).toBe("Taskpane.Url");
    const strings = nodes.filter((n) => n.name === "bt:String");
    expect(strings.find((s) => s.attrs.id === "Functions.Namespace")!.attrs.DefaultValue).toBe("DJ");
    const urls = Object.fromEntries(nodes.filter((n) => n.name === "bt:Url").map((u) => [u.attrs.id, new URL(u.attrs.DefaultValue!).pathname]));
    // Where addin/functions/build.ts writes them (dist/addin root) and where Vite puts the pane.
    expect(urls).toMatchObject({ "Functions.Script.Url": "/functions.js", "Functions.Metadata.Url": "/functions.json", "Taskpane.Url": "/taskpane.html" });
  });

  it("has the ribbon button 台账检查 opening the one task pane (no TaskpaneId under a long runtime)", () => {
    const control = nodes.find((n) => n.name === "Control")!;
    const labelId = path(control, "Label")!.attrs.resid;
    const label = nodes.find((n) => n.name === "bt:String" && n.attrs.id === labelId)!;
    expect(label.attrs.DefaultValue).toBe("台账检查");
    const action = path(control, "Action")!;
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(action.children.map((c) => c.name)).toEqual(["SourceLocation"]);
    expect(nodes.some((n) => n.name === "TaskpaneId")).toBe(false);
  });

  it("keeps short strings ≤ 125 and long strings ≤ 250 characters", () => {
    const res = path(app, "VersionOverrides", "Resources")!;
    for (const s of all(path(res, "bt:ShortStrings")!).filter((n) => n.name === "bt:String" || n.name === "bt:Override")) expect((s.attrs.DefaultValue ?? s.attrs.Value)!.length).toBeLessThanOrEqual(125);
    for (const s of all(path(res, "bt:LongStrings")!).filter((n) => n.name === "bt:String" || n.name === "bt:Override")) expect((s.attrs.DefaultValue ?? s.attrs.Value)!.length).toBeLessThanOrEqual(250);
  });
});

import type { Lang } from "../../shared/findings/types.js";

/** The words of `party-ledger template …` (Chinese first, English with --lang en). */
const TEXT = {
  zh: {
    noSheet: (name: string, names: string[]) => `没有工作表「${name}」（有：${names.join("、")}）`,
    noVisibleSheet: "文件里没有可见的工作表",
    inferred: (sheet: string, row: number, id: string, n: number, known: number, required: number) =>
      `已从工作表「${sheet}」第 ${row} 行的表头生成模板 ${id}：${n} 列，其中 ${known} 列是已知字段（适用通用规则），${required} 列必填。请核对后再发布。`,
    ledger: (kind: string) => `这张表识别为“${kind}”，模板沿用其规则。`,
    badTemplateFile: (file: string, why: string) => `模板文件 ${file} 无效：${why}`,
    needUrl: "请用 --to 给出 Worker 地址（如 http://127.0.0.1:8787），并用 --token 给出组织部门管理员的令牌",
    needFrom: (ref: string) => `“${ref}”不是内置模板：请用 --from 给出 Worker 地址、--token 给出令牌，或给出模板 JSON 文件`,
    published: (id: string, v: number) => `已发布模板 ${id} 第 ${v} 版`,
    unchanged: (id: string, v: number) => `内容与最新版本相同，没有产生新版本：模板 ${id} 仍为第 ${v} 版`,
    server: (status: number, message: string) => `Worker 拒绝了请求（${status}）：${message}`,
    network: (url: string, why: string) => `连不上 Worker（${url}）：${why}`,
    notTty: "填报表是 .xlsx 文件，不能直接显示在终端里：请重定向到文件（> 党员花名册.xlsx）或用 -o 指定文件",
    written: (file: string) => `已写出填报表：${file}`,
    exists: (file: string) => `文件 ${file} 已存在，不会覆盖`,
    badRef: (ref: string) => `“${ref}”不是模板引用：应为 id@版本号（如 roster@1），或模板 JSON 文件`,
  },
  en: {
    noSheet: (name: string, names: string[]) => `No sheet "${name}" (there are: ${names.join(", ")})`,
    noVisibleSheet: "The file has no visible sheet",
    inferred: (sheet: string, row: number, id: string, n: number, known: number, required: number) =>
      `Made template ${id} from the header in row ${row} of sheet "${sheet}": ${n} columns, ${known} of them known fields (the shared rules apply), ${required} required. Review it before publishing.`,
    ledger: (kind: string) => `The sheet is a ${kind}: the template keeps that ledger's rules.`,
    badTemplateFile: (file: string, why: string) => `The template file ${file} is not valid: ${why}`,
    needUrl: "Give the Worker's address with --to (e.g. http://127.0.0.1:8787) and a department admin's token with --token",
    needFrom: (ref: string) => `"${ref}" is no built-in template: give the Worker's address with --from and a token with --token, or a template JSON file`,
    published: (id: string, v: number) => `Published template ${id} version ${v}`,
    unchanged: (id: string, v: number) => `The same content as the latest version: no new version, template ${id} stays at version ${v}`,
    server: (status: number, message: string) => `The Worker refused the request (${status}): ${message}`,
    network: (url: string, why: string) => `Cannot reach the Worker (${url}): ${why}`,
    notTty: "The form is an .xlsx file and cannot be shown in a terminal: redirect it to a file (> form.xlsx) or name one with -o",
    written: (file: string) => `Wrote the form: ${file}`,
    exists: (file: string) => `${file} exists and is not replaced`,
    badRef: (ref: string) => `"${ref}" is no template reference: id@version (e.g. roster@1), or a template JSON file`,
  },
};

export type TemplateText = (typeof TEXT)["zh"];
export const templateText = (lang: Lang): TemplateText => TEXT[lang];

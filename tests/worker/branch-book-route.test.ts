import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { BUILTIN_TEMPLATES } from "../../shared/index.js";
import { call, makeTenant, type Tenant } from "./helpers.js";

/**
 * GET /v1/branches/{id}/book?period=: a branch's latest submissions to the period's 报送任务,
 * checked against each other. The files are one branch's 花名册, 党费 and 三会一课 with
 * inconsistencies planted between them (tests/fixtures/realistic/branch-book.ts says where and
 * why); the expectations below are that plant list, written down by hand.
 */
const FILES = JSON.parse(env.TEST_BOOK_FILES) as Record<"花名册" | "党费" | "三会一课", string>;
const bytes = (k: keyof typeof FILES) => Uint8Array.from(atob(FILES[k]), (c) => c.charCodeAt(0));

type Found = { code: string; severity: string; sheet: string; cell: string | null; file?: string; related?: { sheet: string; cell: string | null; file?: string } };
const key = (f: Found) => `${f.file}|${f.sheet}!${f.cell ?? "-"} ${f.code} → ${f.related ? `${f.related.file}|${f.related.sheet}!${f.related.cell ?? "-"}` : ""}`;

let t: Tenant;
const col: Record<string, string> = {};

async function open(title: string, templateId: string, period: string, branchIds: string[]) {
  const r = await call("/v1/collections", { token: t.admin, body: { title, template: { id: templateId }, period, dueAt: "2099-12-31", branchIds } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}
const upload = (collection: string, k: keyof typeof FILES, token: string) =>
  call(`/v1/collections/${collection}/submissions/xlsx?fileName=${encodeURIComponent(`东湖村党支部2025年${k}.xlsx`)}`, {
    token,
    raw: bytes(k),
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
const book = (branchId: string, token: string, period = "2025", lang?: string) =>
  call(`/v1/branches/${branchId}/book?period=${period}`, { token, headers: lang ? { "accept-language": lang } : {} });

beforeAll(async () => {
  t = await makeTenant("bookroute", 2);
  for (const id of ["roster", "dues-monthly", "meetings"]) {
    const r = await call("/v1/templates", { token: t.admin, body: structuredClone(BUILTIN_TEMPLATES.find((x) => x.id === id)!) });
    expect(r.status, r.text).toBe(201);
  }
  const both = t.branches.map((b) => b.id);
  col.roster = await open("花名册报送", "roster", "2025", both);
  col.dues = await open("党费报送", "dues-monthly", "2025", both);
  col.meetings = await open("三会一课报送", "meetings", "2025", both);
  col.lastYear = await open("2024年党费报送", "dues-monthly", "2024", both);
  const b1 = t.branches[0]!;
  for (const [c, k] of [
    [col.roster, "花名册"],
    [col.dues, "党费"],
    [col.meetings, "三会一课"],
  ] as const) {
    const r = await upload(c!, k, b1.token);
    expect(r.status, r.text).toBe(201);
  }
});

describe("a branch's book through the Worker", () => {
  it("finds the planted disagreements between the three submissions, each at its cell naming the other ledger's", async () => {
    const r = await book(t.branches[0]!.id, t.admin);
    expect(r.status, r.text).toBe(200);
    expect(r.json.status).toBe("checked");
    expect(r.json.asOf).toBe("2025-12-31");
    expect(r.json.parts.map((p: { title: string; used: boolean }) => [p.title, p.used])).toEqual([
      ["花名册报送", true],
      ["党费报送", true],
      ["三会一课报送", true],
    ]);
    const judged = (r.json.added as Found[]).filter((f) => f.severity !== "info");
    expect(judged.map(key).sort()).toEqual(
      [
        // 赵六 pays dues but is on no roster; 吴八 paid for August after transferring out in June (roster G11).
        "党费报送|党费!A12 book.notOnRoster → 花名册报送|花名册!-",
        "党费报送|党费!L10 book.duesAfterTransferOut → 花名册报送|花名册!G11",
        // 孙七 is on the roster with no dues row.
        "花名册报送|花名册!A9 book.noDuesRow → 党费报送|党费!-",
        // March's general meeting expected 5 while the roster had 9 full members.
        "三会一课报送|三会一课!E6 book.expectedTooFew → 花名册报送|花名册!-",
      ].sort(),
    );
    // Dues after a 转出, a payer on no roster and a member with no dues row are errors (2008规定第八、九条); the meeting count a warning.
    expect(r.json.counts).toMatchObject({ errors: 3, warnings: 1 });
    // What the dues ledger alone called unpaid, the roster explains: 郑九 admitted in September, 吴八 gone in June.
    const withdrawn = (r.json.withdrawn as Found[]).map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(withdrawn).toEqual(expect.arrayContaining(["党费!E11 dues.unpaidLapse", "党费!M10 dues.unpaid"]));
    expect(r.json.message).toBe("本期 3 份台账已相互对照，台账之间发现 3 处错误、1 处提醒。");
  });

  it("compares nothing with one usable submission, and names what is missing", async () => {
    const b2 = t.branches[1]!;
    expect((await upload(col.roster!, "花名册", b2.token)).status).toBe(201);
    const one = await book(b2.id, t.admin);
    expect(one.status, one.text).toBe(200);
    expect(one.json.status).toBe("not_checked");
    expect(one.json.added).toEqual([]);
    expect(one.json.message).toBe("没有做台账之间的对照：本期能相互对照的台账不足两份，“党费报送”、“三会一课报送”还没有报送（或报送的不是要求的台账）。");

    // The dues ledger sent to the meetings collection is not the ledger asked for: stored, never compared.
    const wrong = await upload(col.meetings!, "党费", b2.token);
    expect([201, 422]).toContain(wrong.status);
    expect((await upload(col.dues!, "党费", b2.token)).status).toBe(201);
    const two = await book(b2.id, t.admin);
    expect(two.json.status).toBe("incomplete");
    expect(two.json.parts.find((p: { title: string }) => p.title === "三会一课报送").used).toBe(false);
    expect(two.json.message).toMatch(/^“三会一课报送”还没有报送（或报送的不是要求的台账）；其余 2 份台账已相互对照，台账之间发现 \d+ 处错误、\d+ 处提醒。$/);
    const codes = (two.json.added as Found[]).map((f) => f.code);
    expect(codes).toContain("book.duesAfterTransferOut");
    expect(codes).not.toContain("book.expectedTooFew");
  });

  it("answers the branch's own clerk, in English when asked, and nobody else's", async () => {
    const [b1, b2] = t.branches;
    const own = await book(b1!.id, b1!.token, "2025", "en");
    expect(own.status).toBe(200);
    expect(own.json.message).toBe("The 3 ledgers of this period were compared: 3 error(s) and 1 warning(s) between the ledgers.");
    expect(own.json.added.find((f: Found) => f.code === "book.notOnRoster").message).toMatch(/赵六/);
    expect((await book(b2!.id, b1!.token)).status).toBe(404);
    // a period with no collection for the branch
    const none = await book(b1!.id, t.admin, "2023");
    expect(none.status).toBe(404);
    expect(none.json.error.message).toMatch(/2023/);
    // last year's collection is its own book
    expect((await book(b1!.id, t.admin, "2024")).json.status).toBe("not_checked");
    // another department's admin cannot see the branch at all
    const other = await makeTenant("bookroute-other", 1);
    expect((await book(b1!.id, other.admin)).status).toBe(404);
  });
});

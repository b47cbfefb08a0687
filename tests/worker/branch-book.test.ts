import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { call, cleanGrid, gridWithErrors, makeTenant, publishRoster } from "./helpers.js";

/**
 * The store's internal API for a branch's book (issue 9 builds its cross-ledger view on it):
 * every collection of a period that asks the branch, oldest first, with the branch's latest
 * submission to each, or null where it has not submitted yet.
 */
describe("a branch's book for one period", () => {
  it("lists the period's collections that ask the branch, each with its latest submission", async () => {
    const t = await makeTenant("book", 2);
    await publishRoster(t.admin);
    const open = async (title: string, period: string, branchIds: string[]) => {
      const r = await call("/v1/collections", { token: t.admin, body: { title, template: { id: "roster" }, period, dueAt: "2099-12-31", branchIds } });
      expect(r.status, r.text).toBe(201);
      return r.json.id as string;
    };
    const [b1, b2] = t.branches;
    const first = await open("花名册一", "2025", [b1!.id, b2!.id]);
    const second = await open("花名册二", "2025", [b1!.id]);
    const otherYear = await open("花名册 2024", "2024", [b1!.id]);
    const notMine = await open("二支部的", "2025", [b2!.id]);
    const submit = (col: string, grid: unknown) => call(`/v1/collections/${col}/submissions`, { token: b1!.token, body: { grid, asOf: "2025-12-01" } });
    expect((await submit(first, gridWithErrors())).status).toBe(201);
    const v2 = await submit(first, cleanGrid());
    expect(v2.json.version).toBe(2);
    expect((await submit(otherYear, cleanGrid())).status).toBe(201);

    const book = await env.LEDGER.getByName(t.deptId).branchBook(b1!.id, "2025");
    expect(book.map((e) => e.collection.collection_id)).toEqual([first, second]);
    expect(book[0]!.latest).toMatchObject({ submission_id: v2.json.id, version: 2, status: "clean", branch_id: b1!.id });
    expect(book[1]!.latest).toBeNull();
    expect(book.some((e) => e.collection.collection_id === notMine || e.collection.collection_id === otherYear)).toBe(false);
    // another tenant's store knows nothing of it
    expect(await env.LEDGER.getByName("book-elsewhere").branchBook(b1!.id, "2025")).toEqual([]);
  });
});

import { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../env.js";
import { ErrorBody } from "../../shared/api/schemas.js";
import { validationHook } from "../middleware/errors.js";

/** One router per resource, all with the same validation hook (zod issues → the error shape). */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const security = [{ bearer: [] as string[] }];

const ERROR_TEXT: Record<number, string> = {
  400: "请求无效 / invalid request (zod paths in details.issues)",
  401: "未认证 / missing, unknown or revoked token",
  403: "无权 / role not allowed",
  404: "未找到 / not found or not visible to the caller",
  409: "冲突 / conflict",
  413: "正文过大 / body too large",
  422: "无法处理 / content refused",
};

export function errors(...codes: number[]) {
  const out: Record<number, { description: string; content: { "application/json": { schema: typeof ErrorBody } } }> = {};
  for (const c of [401, ...codes]) {
    out[c] = { description: ERROR_TEXT[c] ?? "error", content: { "application/json": { schema: ErrorBody } } };
  }
  return out;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ApiError, type ErrorBody } from "../lib/errors.js";

/**
 * Does the client prefer English? `Accept-Language` is read by q-value (ties keep header
 * order); the first `zh*` or `en*` range decides. No header, `*`, or neither language → Chinese.
 */
export function prefersEnglish(header: string | null | undefined): boolean {
  if (!header) return false;
  const ranges = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      // a malformed weight (q=abc) counts as 0: that range is ignored rather than preferred
      const weight = q === undefined ? 1 : /^\s*q\s*=\s*(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.test(q) ? Number(q.split("=")[1]) : 0;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: weight, i };
    })
    .filter((r) => r.q > 0 && (r.lang === "zh" || r.lang === "en"))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranges[0]?.lang === "en";
}

/**
 * The error body in the caller's language: `message` follows `Accept-Language` (Chinese by
 * default, English when the client prefers `en`); `messageEn` is always English, so clients
 * written against either field keep working.
 */
function localized(c: Context, body: ErrorBody, status: number) {
  const en = prefersEnglish(c.req.header("accept-language"));
  c.header("Content-Language", en ? "en" : "zh-CN");
  c.header("Vary", "Accept-Language", { append: true });
  return c.json({ error: localizedError(c, body.error) }, status as ContentfulStatusCode);
}

/** One error object in the caller's language (also for per-item errors inside a 200, e.g. a batch read). */
export function localizedError(c: Context, error: ErrorBody["error"]): ErrorBody["error"] {
  return prefersEnglish(c.req.header("accept-language")) ? { ...error, message: error.messageEn } : error;
}

/** zod issues as `{ path: "sheets.0.values", code, message }`, the `details` of a 400. */
export function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}

export function validationError(err: ZodError, target: string) {
  return new ApiError(
    400,
    "invalid_request",
    `请求${target === "json" ? "正文" : "参数"}不符合要求（共 ${err.issues.length} 处）`,
    `The request ${target === "json" ? "body" : target} does not match the schema (${err.issues.length} issue(s))`,
    { target, issues: zodDetails(err) },
  );
}

/**
 * The `defaultHook` of every OpenAPIHono router: a failed zod validation becomes the one
 * error shape, with zod paths in `details.issues`.
 */
export const validationHook = (
  result: { success: true } | { success: false; error: ZodError; target: string },
  _c: Context,
) => {
  if (!result.success) throw validationError(result.error, result.target);
};

const STATUS_CODES: Record<number, [string, string, string]> = {
  400: ["bad_request", "请求格式错误", "Bad request"],
  401: ["unauthorized", "未登录或令牌无效", "Missing or invalid credentials"],
  403: ["forbidden", "无权执行此操作", "Forbidden"],
  404: ["not_found", "未找到", "Not found"],
  405: ["method_not_allowed", "不支持此方法", "Method not allowed"],
  409: ["conflict", "冲突", "Conflict"],
  413: ["payload_too_large", "请求正文过大", "Request body too large"],
  415: ["unsupported_media_type", "不支持的内容类型", "Unsupported media type"],
  422: ["unprocessable", "无法处理的内容", "Unprocessable content"],
};

/** `app.onError`: every failure leaves in `{ error: { code, message, messageEn, details } }`, `message` per Accept-Language. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return localized(c, err.body(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400 && /Malformed JSON/i.test(err.message)) {
      return localized(
        c,
        {
          error: {
            code: "malformed_json",
            message: "请求正文不是有效的 JSON",
            messageEn: "The request body is not valid JSON",
            details: { reason: err.message },
          },
        },
        400,
      );
    }
    const [code, zh, en] = STATUS_CODES[status] ?? ["error", "请求失败", "Request failed"];
    return localized(c, { error: { code, message: zh, messageEn: err.message || en } }, status);
  }
  console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), message: String(err), stack: (err as Error)?.stack }));
  return localized(
    c,
    {
      error: {
        code: "internal",
        message: "服务器内部错误，请稍后重试",
        messageEn: "Internal server error; please retry later",
        details: { requestId: c.get("requestId") },
      },
    },
    500,
  );
};

export const notFoundHandler: NotFoundHandler = (c) =>
  localized(c, { error: { code: "not_found", message: "接口不存在", messageEn: "No such route", details: { path: c.req.path } } }, 404);

/** 413 in the common shape, for `bodyLimit({ onError })`. */
export const tooLarge = (maxBytes: number) =>
  new ApiError(413, "payload_too_large", `请求正文超过 ${maxBytes} 字节上限`, `The request body exceeds ${maxBytes} bytes`, {
    maxBytes,
  });

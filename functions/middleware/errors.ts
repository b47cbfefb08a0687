import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { ApiError } from "../lib/errors.js";

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

/** `app.onError`: every failure leaves in `{ error: { code, message, messageEn, details } }`. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return c.json(err.body(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400 && /Malformed JSON/i.test(err.message)) {
      return c.json(
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
    return c.json({ error: { code, message: zh, messageEn: err.message || en } }, status);
  }
  console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), message: String(err), stack: (err as Error)?.stack }));
  return c.json(
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
  c.json({ error: { code: "not_found", message: "接口不存在", messageEn: "No such route", details: { path: c.req.path } } }, 404);

/** 413 in the common shape, for `bodyLimit({ onError })`. */
export const tooLarge = (maxBytes: number) =>
  new ApiError(413, "payload_too_large", `请求正文超过 ${maxBytes} 字节上限`, `The request body exceeds ${maxBytes} bytes`, {
    maxBytes,
  });

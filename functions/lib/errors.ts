import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The one error shape of the API: `{ error: { code, message, messageEn, details } }`. `body()` has
 * `message` in Chinese; the error handler swaps in English when `Accept-Language` prefers `en`.
 */
export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(status, { message: messageEn });
  }
  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageZh,
        messageEn: this.messageEn,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what: string, whatZh: string, id?: string) =>
  new ApiError(
    404,
    "not_found",
    `未找到${whatZh}${id ? `：${id}` : ""}`,
    `${what} not found${id ? `: ${id}` : ""}`,
    id ? { id } : undefined,
  );

export const forbidden = (zh: string, en: string) => new ApiError(403, "forbidden", zh, en);

export const unauthorized = (zh = "未登录或令牌无效", en = "Missing or invalid credentials") =>
  new ApiError(401, "unauthorized", zh, en);

import { RE2JS } from "re2js";

/**
 * Template patterns (a field's `constraints.pattern`, a repeating column's `repeat.pattern`)
 * are written by department admins and run on clerks' cells. They run on RE2 (re2js, pure
 * JavaScript, the same in workerd, the browser and Node), whose time is linear in the input:
 * `(a+)+` on "aaa…ab" costs what any pattern costs, so one cell cannot stall a Worker.
 * Syntax RE2 has no linear algorithm for (back-references, lookaround) is refused when the
 * template is published, with `patternProblem`'s message.
 */

/** Longest pattern source accepted; a pattern is a short format, not a program. */
export const MAX_PATTERN_LENGTH = 500;

export interface PatternProblem {
  zh: string;
  en: string;
}

/** A pattern RE2 cannot run (a template stored before patterns were checked may hold one). */
export class UnsafePatternError extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem.en);
    this.name = "UnsafePatternError";
  }
}

function describe(source: string, why: string): PatternProblem {
  return {
    zh: `正则表达式“${source.slice(0, 80)}”无法使用：只支持线性时间的写法（不支持反向引用 \\1、前后断言 (?=…) 等，长度不超过 ${MAX_PATTERN_LENGTH} 个字符）（${why}）`,
    en: `The pattern "${source.slice(0, 80)}" cannot be used: only linear-time syntax is accepted (no back-references like \\1, no lookaround like (?=…), at most ${MAX_PATTERN_LENGTH} characters) (${why})`,
  };
}

function compile(source: string): RE2JS {
  try {
    if (source.length > MAX_PATTERN_LENGTH) throw new Error(`longer than ${MAX_PATTERN_LENGTH} characters`);
    return RE2JS.compile(source);
  } catch (e) {
    throw new UnsafePatternError(describe(source, e instanceof Error ? e.message : String(e)));
  }
}

/** Why a pattern cannot be used (null when it can), in both languages. */
export function patternProblem(source: string): PatternProblem | null {
  try {
    compile(source);
    return null;
  } catch (e) {
    return (e as UnsafePatternError).problem;
  }
}

/** A field constraint: the whole text must match (as `^(?:p)$` would). */
export function wholeTextPattern(source: string): (text: string) => boolean {
  const re = compile(source);
  return (text) => re.testExact(text);
}

/** A header pattern: searched anywhere in the text; returns the match with its groups, or null. */
export function searchPattern(source: string): (text: string) => (string | undefined)[] | null {
  const re = compile(source);
  return (text) => re.exec(text) as (string | undefined)[] | null;
}

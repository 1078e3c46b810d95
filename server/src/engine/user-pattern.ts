// Regular expressions from a user's config (the `extend` of placeholder, broken-paragraph,
// conversion-artifact and the dictionary rules) run on RE2 (re2js, pure JavaScript): matching
// takes time linear in the text whatever the pattern, so a config found in an untrusted folder
// cannot hang the CLI or freeze the language server — with JavaScript's backtracking engine,
// "(a+)+$" on a line of 34 "a" takes minutes. The rules' own patterns (rules/*.json, reviewed
// with the code) stay on JavaScript's engine.
//
// A user pattern is written in JavaScript syntax (what the docs and the config schema say) and
// must also be one RE2 can run: no lookahead (?= ?!), no backreference (\1 \k<name>), no capturing
// group inside a lookbehind, repeat counts up to 1000. \s means what it means in JavaScript (it
// includes the ideographic space U+3000), not RE2's ASCII-only \s.
//
// A UserPattern is a RegExp whose exec() runs RE2, so the rules use it like any other RegExp
// (text.matchAll(re), re.test(s), re.exec(s)); nothing may rebuild a native RegExp from its
// `source` (rules/shared/fast-match.ts leaves it alone).
import { RE2JS } from 're2js';

/** JavaScript's \s (WhiteSpace and LineTerminator), as the members of an RE2 character class. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r\\x{A0}\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}';

/**
 * What RE2 does not have, found before compiling: re2js would read \k<name> as the letters "k<name>", and
 * its own errors for the others do not say what to write instead.
 */
function unsupportedSyntax(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) return '不支持反向引用 \\1、\\k<名称>（backreferences are not supported）';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!')) {
      return '不支持前瞻断言 (?=…) (?!…)（lookahead is not supported）';
    }
  }
  return undefined;
}

/** Why RE2 could not compile `source` (a pattern JavaScript accepts), in Chinese and English. */
function unsupported(error: unknown): string {
  const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  if (/invalid capture in lookbehind/.test(detail)) return '后顾断言 (?<=…) 中不能有捕获分组，请改用 (?:…)（no capturing group inside a lookbehind）';
  if (/invalid repeat count/.test(detail)) return '重复次数不能超过 1000（repeat count above 1000）';
  return `RE2 不支持这种写法（unsupported by RE2: ${detail}）`;
}

const RE2_FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/** JavaScript pattern syntax → RE2 syntax (named groups, \u escapes, "/"), with JavaScript's \s. */
function toRe2Source(source: string): string {
  // \p{Script=Han} (JavaScript) is \p{Han} in RE2.
  const translated = RE2JS.translateRegExp(source.replace(/(?<!\\)\\([pP])\{(?:Script|sc|Script_Extensions|scx)=(\w+)\}/g, '\\$1{$2}'));
  let out = '';
  let inClass = false;
  for (let i = 0; i < translated.length; i++) {
    const c = translated[i];
    if (c === '\\' && i + 1 < translated.length) {
      const next = translated[i + 1];
      i++;
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** Throws a SyntaxError whose message says, in Chinese and English, what RE2 does not support. */
function compileRe2(source: string, flags: string): RE2JS {
  const missing = unsupportedSyntax(source);
  if (missing) throw new SyntaxError(missing);
  let bits = RE2JS.LOOKBEHINDS;
  for (const f of flags) bits |= RE2_FLAGS[f] ?? 0;
  try {
    return RE2JS.compile(toRe2Source(source), bits);
  } catch (error) {
    throw new SyntaxError(unsupported(error));
  }
}

/**
 * Why `source` cannot be used as a user pattern (invalid JavaScript, or beyond RE2), in Chinese and
 * English; undefined when it can. The config validation (engine/config.ts) reports this with the
 * config file and the path of the pattern in it.
 */
export function userPatternError(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return (error as Error).message;
  }
  try {
    compileRe2(source, 'u');
    return undefined;
  } catch (error) {
    return `${(error as Error).message}；配置中的正则表达式由线性时间的 RE2 引擎运行（user patterns run on the linear-time RE2 engine）`;
  }
}

type Matcher = ReturnType<RE2JS['matcher']>;

/** A RegExp whose matching runs on RE2. Flags g, m, i, s, u (always Unicode); not y. */
export class UserPattern extends RegExp {
  private readonly re2: RE2JS;
  /** The matcher of the last text searched, kept so that a global scan is one pass (lookbehinds included). */
  private last?: { text: string; matcher: Matcher; from: number };

  /** Throws a SyntaxError naming what RE2 does not support. */
  constructor(pattern: string | UserPattern, flags = 'u') {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    super(source, flags.includes('u') ? flags : `${flags}u`);
    if (this.sticky) throw new SyntaxError('UserPattern: the y flag is not supported');
    if (pattern instanceof UserPattern && pattern.flags === this.flags) this.re2 = pattern.re2;
    else {
      try {
        this.re2 = compileRe2(source, this.flags);
      } catch (error) {
        throw new SyntaxError(`${source}: ${(error as Error).message}`);
      }
    }
  }

  // Builds of String.prototype.matchAll etc. create a copy through the species constructor: keep the compiled RE2.
  static override get [Symbol.species](): RegExpConstructor {
    return UserPattern as unknown as RegExpConstructor;
  }

  override test(text: string): boolean {
    if (this.global) return this.exec(text) !== null;
    return this.re2.test(String(text));
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const from = this.global ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    // Searching the same text forwards again resumes the same matcher (linear); anything else starts anew.
    let matcher: Matcher;
    if (this.last && this.last.text === text && from >= this.last.from) matcher = this.last.matcher;
    else matcher = this.re2.matcher(text);
    this.last = { text, matcher, from };
    if (!matcher.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: string[] = [];
    for (let g = 0; g <= matcher.groupCount(); g++) groups.push(matcher.group(g) ?? (undefined as unknown as string));
    const result = groups as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = text;
    const names = Object.keys(this.re2.re2().namedGroups ?? {});
    if (names.length) {
      const named: Record<string, string | undefined> = {};
      for (const name of names) named[name] = matcher.group(name) ?? undefined;
      result.groups = named as Record<string, string>;
    } else result.groups = undefined;
    if (this.global) this.lastIndex = matcher.end();
    return result;
  }
}

/** A user pattern, compiled once: `flags` as for RegExp (g, m, i, s; always u). */
export function compileUserPattern(source: string, flags = 'u'): UserPattern {
  return new UserPattern(source, flags);
}

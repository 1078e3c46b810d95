// A bundle's text made ASCII-only (scripts/build.mjs, for the language server's check thread). esbuild escapes
// non-ASCII characters in strings, templates and names, but not in comments, regular expression literals and
// tagged templates: one such character makes V8 hold the whole bundle's source, for as long as the code lives, as
// two bytes a character instead of one. A regular expression literal holding one becomes `new RegExp("…", flags)`
// with the string escaped — the same pattern and the same `source` (some rules read and rebuild it; a literal
// written with \uXXXX would not have it); a String.raw template holding one becomes the call it stands for,
// String.raw({ raw: ["…"] }, …) with its raw text as escaped strings — the same string; the characters of comments
// are escaped.

const NON_ASCII = /[^\x00-\x7f]/;
const escape = (s) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/**
 * `text` with no character beyond ASCII and the same meaning, or undefined when one is in a string or a template
 * other than String.raw's with ASCII substitutions (esbuild leaves them in a tagged template's raw text, which an
 * escape would change). `ts`: the typescript module, whose parser tells regular expression literals from divisions.
 */
export function asciiOnly(text, ts) {
  if (!NON_ASCII.test(text)) return text;
  const K = ts.SyntaxKind;
  // JSDoc left unparsed: twice as fast on a 5 MB bundle, and none of it is code.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode?.ParseNone };
  const source = ts.createSourceFile('bundle.js', text, options, false, ts.ScriptKind.JS);
  const edits = [];
  let inLiteral = false;
  const visit = (node) => {
    const k = node.kind;
    if (k === K.TaggedTemplateExpression && node.tag.getText(source) === 'String.raw' && NON_ASCII.test(text.slice(node.template.getStart(source), node.end))) {
      const call = rawCall(node, text, source, K);
      if (call === undefined) inLiteral = true;
      else edits.push({ start: node.getStart(source), end: node.end, text: call });
      return;
    }
    if (k === K.RegularExpressionLiteral) {
      const start = node.getStart(source);
      const literal = text.slice(start, node.end);
      if (NON_ASCII.test(literal)) {
        const slash = literal.lastIndexOf('/');
        const space = /[\w$]/.test(text[start - 1] ?? '') ? ' ' : '';
        edits.push({ start, end: node.end, text: `${space}new RegExp(${escape(JSON.stringify(literal.slice(1, slash)))}, ${JSON.stringify(literal.slice(slash + 1))})` });
      }
    } else if (k === K.StringLiteral || k === K.NoSubstitutionTemplateLiteral || k === K.TemplateHead || k === K.TemplateMiddle || k === K.TemplateTail) {
      if (NON_ASCII.test(text.slice(node.getStart(source), node.end))) inLiteral = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (inLiteral) return undefined;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += escape(text.slice(at, e.start)) + e.text;
    at = e.end;
  }
  return out + escape(text.slice(at));
}

/** String.raw`…${e}…` as String.raw({ raw: ["…", "…"] }, e): its raw parts as escaped strings; undefined when a substitution is not ASCII. */
function rawCall(node, text, source, K) {
  const t = node.template;
  const part = (lit, from, to) => escape(JSON.stringify(text.slice(lit.getStart(source) + from, lit.end - to)));
  if (t.kind === K.NoSubstitutionTemplateLiteral) return `String.raw({ raw: [${part(t, 1, 1)}] })`;
  const raws = [part(t.head, 1, 2)];
  const subs = [];
  for (const span of t.templateSpans) {
    const expression = text.slice(span.expression.getStart(source), span.expression.end);
    if (NON_ASCII.test(expression)) return undefined;
    subs.push(`(${expression})`);
    raws.push(part(span.literal, 1, span.literal.kind === K.TemplateTail ? 1 : 2));
  }
  return `String.raw({ raw: [${raws.join(', ')}] }, ${subs.join(', ')})`;
}

/**
 * The value of a JavaScript string literal (`"./a.ts"`, `'x\'y'`) without eval, for
 * es-module-lexer in the page, where the Content-Security-Policy forbids eval.
 */
export function decodeLiteral(literal: string): string {
  const quote = literal[0];
  if ((quote !== '"' && quote !== "'") || literal.at(-1) !== quote)
    throw new SyntaxError(`Not a string literal: ${literal}`);
  const body = literal
    .slice(1, -1)
    .replace(/\\'/g, "'")
    .replace(/(^|[^\\])"/g, '$1\\"');
  return JSON.parse(`"${body}"`) as string;
}

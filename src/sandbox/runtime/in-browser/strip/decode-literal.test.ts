import { describe, expect, it } from "vitest";
import { decodeLiteral } from "./decode-literal.ts";

describe("decodeLiteral (es-module-lexer without eval)", () => {
  it("gives the value of double- and single-quoted literals, escapes included, as eval would", () => {
    for (const literal of [
      '"./a.ts"',
      "'./b.ts'",
      String.raw`'it\'s'`,
      String.raw`"say \"hi\""`,
      String.raw`"tab\tand \u00e9"`,
      `'a"b'`,
    ])
      expect(decodeLiteral(literal)).toBe((0, eval)(literal));
  });

  it("refuses what is not a string literal", () => {
    expect(() => decodeLiteral("`template`")).toThrow(SyntaxError);
    expect(() => decodeLiteral('"unclosed')).toThrow(SyntaxError);
  });
});

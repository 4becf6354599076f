import { h, toHtml, toText } from "@expressive-code/core/hast";
import { describe, expect, it } from "vitest";
import { compactCodeTokens } from "~/site/compact-code-tokens.ts";

const token = (color: string, text: string) => h("span", { style: `--0:${color}` }, text);

/** A rendered line as Expressive Code builds it: an indent wrapper, then highlighted tokens. */
function renderedLine() {
  return h("div", { class: "ec-line" }, [
    h("div", { class: "code" }, [
      h("span", { class: "indent" }, [token("#111", "    ")]),
      token("#c792ea", "const"),
      token("#d6deeb", " "),
      token("#82aaff", "total"),
      token("#d6deeb", " = "),
      h("mark", {}, [token("#d6deeb", " ")]),
      token("#f78c6c", "1"),
    ]),
  ]);
}

describe("compactCodeTokens", () => {
  it("folds whitespace-only tokens into the token before them and keeps the text", () => {
    const line = renderedLine();
    const before = toText(line);
    compactCodeTokens(line);
    expect(toText(line)).toBe(before);
    const html = toHtml(line);
    expect(html).toContain('<span style="--0:#c792ea">const </span>');
    expect(html).toContain('<span style="--0:#d6deeb"> = </span>'); // not blank: kept as it is
    expect(html.match(/<span/g)).toHaveLength(7);
  });

  it("leaves spans with a class, tokens inside other elements, and leading whitespace alone", () => {
    const line = renderedLine();
    compactCodeTokens(line);
    const html = toHtml(line);
    expect(html).toContain('<span class="indent"><span style="--0:#111">    </span></span>');
    expect(html).toContain('<mark><span style="--0:#d6deeb"> </span></mark>');
  });
});

import { describe, expect, it } from "vitest";
import { parseInlineItem } from "./parse-page.ts";
import { inlineHtml } from "./inline-html.ts";

const html = (markdown: string) => inlineHtml(parseInlineItem(markdown, "test").content);

describe("inlineHtml", () => {
  it("keeps code, strong and emphasis, escapes text and drops JSX tags to their text", () => {
    expect(html('**Every `set<K>` has a TTL**, _always_ & "only" <b>then</b>')).toBe(
      "<strong>Every <code>set&#60;K&#62;</code> has a TTL</strong>, <em>always</em> &#38; &#34;only&#34; then",
    );
  });

  it("renders a link as its text, so the label has no nested link", () => {
    expect(html("Cursors are opaque ([why](#cursors))")).toBe("Cursors are opaque (why)");
  });
});

import { describe, expect, it } from "vitest";
import { completePagePolicy, scriptHashSource } from "~/site/csp-inline-scripts.ts";

const page = (head: string, body = "") =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"/>${head}</head><body>${body}</body></html>`;

describe("completing a page's Content-Security-Policy", () => {
  it("adds the hash of every inline script Astro left out and moves the policy to the top of <head>", () => {
    const theme = "\n\twindow.theme = 'dark';\n";
    const html = page(
      `<script>${theme}</script><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-astro=';style-src 'self' 'unsafe-inline';">`,
      `<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script><script aria-hidden="true">run()</script>`,
    );
    const completed = completePagePolicy(html);
    const policy = /content="([^"]*)"/.exec(completed)?.[1] ?? "";
    expect(policy).toContain(
      `script-src 'self' 'sha256-astro=' ${scriptHashSource(theme)} ${scriptHashSource("run()")};`,
    );
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain(scriptHashSource('{"a":1}'));
    expect(completed.indexOf("content-security-policy")).toBeLessThan(completed.indexOf("<script"));
    expect(completed.match(/content-security-policy/g)).toHaveLength(1);
  });

  it("hashes the text between the tags exactly, as the browser does", () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(scriptHashSource("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it("leaves a page without a policy untouched", () => {
    const html = page("<script>x()</script>");
    expect(completePagePolicy(html)).toBe(html);
  });
});

/** How the request panel shows a response body: JSON indented, everything else as sent. */

/** Pretty-prints JSON bodies (by content type, or by shape when the type is missing); leaves other text alone. */
export function formatBody(body: string, contentType: string | undefined): string {
  const looksJson = /[/+]json\b/i.test(contentType ?? "") || (!contentType && /^\s*[[{]/.test(body));
  if (!looksJson || body.trim() === "") return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Splits the Headers field ("Name: value" per line) into pairs, naming the first bad line. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const match = /^([!#$%&'*+.^_`|~\w-]+):\s*(.*)$/.exec(line.trim());
    if (!match) return { error: `Header line ${index + 1} must look like "Name: value".` };
    headers[match[1] ?? ""] = match[2] ?? "";
  }
  return { headers };
}

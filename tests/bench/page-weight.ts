import type { Page, Response } from "@playwright/test";

/** JavaScript bytes as sent over the wire (compressed) while `action` runs on `page`. */
export async function javascriptBytesDuring(page: Page, action: () => Promise<unknown>): Promise<number> {
  const pending: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response
        .request()
        .sizes()
        .then((sizes) => sizes.responseBodySize),
    );
  };
  page.on("response", onResponse);
  try {
    await action();
    await page.waitForLoadState("networkidle");
  } finally {
    page.off("response", onResponse);
  }
  const sizes = await Promise.all(pending);
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Bytes as a short human figure, e.g. `12.3 kB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

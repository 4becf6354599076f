/** node:url: the WHATWG URL globals plus fileURLToPath/pathToFileURL for the POSIX paths of the process. */
import path from "path-browserify";

export const { URL, URLSearchParams } = globalThis;

export function fileURLToPath(url: string | URL): string {
  const parsed = typeof url === "string" ? new URL(url) : url;
  if (parsed.protocol !== "file:")
    throw Object.assign(new TypeError("The URL must be of scheme file"), { code: "ERR_INVALID_URL_SCHEME" });
  if (parsed.hostname !== "")
    throw Object.assign(new TypeError('File URL host must be "localhost" or empty on linux'), {
      code: "ERR_INVALID_FILE_URL_HOST",
    });
  if (/%2f/i.test(parsed.pathname))
    throw Object.assign(new TypeError("File URL path must not include encoded / characters"), {
      code: "ERR_INVALID_FILE_URL_PATH",
    });
  return decodeURIComponent(parsed.pathname);
}

export function pathToFileURL(filePath: string): URL {
  const resolved = path.resolve(filePath);
  const url = new URL("file://");
  url.pathname =
    resolved.split("/").map(encodeURIComponent).join("/") + (filePath.endsWith("/") && resolved !== "/" ? "/" : "");
  return url;
}

export const urlToHttpOptions = (url: URL) => ({
  protocol: url.protocol,
  hostname: url.hostname,
  hash: url.hash,
  search: url.search,
  pathname: url.pathname,
  path: `${url.pathname}${url.search}`,
  href: url.href,
  port: url.port === "" ? undefined : Number(url.port),
});

export const parse = (text: string) => new URL(text);
export const format = (url: URL | string) => String(url);

export default { URL, URLSearchParams, fileURLToPath, pathToFileURL, urlToHttpOptions, parse, format };

/**
 * Where the real-server suites find their server: an environment variable holding its URL.
 * Unset, the suite is skipped with the reason printed. But with CI=true a missing URL is an error:
 * CI starts the servers (.ci/run), so a suite that would skip there means something is broken.
 */
export function realServer(
  variable: string,
  server: string,
): { readonly url: string; readonly skip: false } | { readonly url: undefined; readonly skip: string } {
  const url = process.env[variable];
  if (url) return { url, skip: false };
  if (process.env.CI === "true") {
    throw new Error(
      `${variable} is not set, but CI=true expects the suite on ${server} to run: .ci/run starts it ` +
        "with tests/support/services/services.sh before npm test",
    );
  }
  return {
    url: undefined,
    skip: `${variable} is not set: start ${server} (npm run services:start at the repository root) and export it to run this suite`,
  };
}

/** Static file maps of the examples (`/sandbox/<name>.json`), fetched by the sandbox only when the reader opens it. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listExamples, readExampleBundle } from "../../sandbox/files/example-files.ts";

export const prerender = true;

export const getStaticPaths = (async () => {
  const names = await listExamples();
  return names.map((example) => ({ params: { example } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bundle = await readExampleBundle(String(params.example));
  return new Response(JSON.stringify(bundle), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};

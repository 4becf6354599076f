/**
 * Each integration event's JSON Schema at its own `$id` (`/reference/events/<type>.v<version>.json`),
 * so the ids in the canon resolve and a consumer in any language can fetch the contract.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { integrationEvents, schemaFileName } from "../../../canon/index.ts";

export const prerender = true;

export const getStaticPaths = (() =>
  integrationEvents.map((event) => ({
    params: { schema: schemaFileName(event).replace(/\.json$/, "") },
    props: { schema: event.schema },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify(props.schema, null, 2)}\n`, {
    headers: { "Content-Type": "application/schema+json; charset=utf-8" },
  });

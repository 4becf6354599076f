/** `npm run build`: a full production build of the guide (links validated), precompressed and stamped. */
import { fileURLToPath } from "node:url";
import { buildSite } from "./ensure-build.ts";

await buildSite(
  fileURLToPath(new URL("../../", import.meta.url)),
  fileURLToPath(new URL("../../dist/", import.meta.url)),
);

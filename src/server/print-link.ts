/** `npm run link`: prints the link (with its runner token) of every guide started from this folder that is still running. */
import { fileURLToPath } from "node:url";
import { readLiveLinkFiles } from "../runner/link-file.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const records = await readLiveLinkFiles(projectRoot);
if (records.length === 0) {
  console.error("No guide is running from this folder. Start it with: npm start");
  process.exit(1);
}
for (const record of records) console.log(record.link);

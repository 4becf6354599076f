import { chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "../../src/site/chromium.ts";
import { lighthouseReport } from "./lighthouse.bench.ts";
const chromiumPath = findChromium();
const context = { baseURL: "http://localhost:4617", chromiumPath, chromiumArgs, launchBrowser: () => chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] }) };
for (const path of ["/", "/distributed-systems/events-and-sagas/sagas/", "/interfaces-data/caching/"]) {
  const { audits, categories } = await lighthouseReport(context, path, ["performance"]);
  console.log(path, Math.round(audits["dom-size-insight"]?.numericValue ?? -1), "TBT", Math.round(audits["total-blocking-time"]?.numericValue ?? -1), "perf", categories["performance"]?.score);
}

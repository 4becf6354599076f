/** The block `npm start` (and `npm run dev`) ends with: the one thing to open, how to stop, where the rest went. */
import { relative } from "node:path";

export interface StartBannerFacts {
  /** http://localhost:<port>/?token=… */
  readonly link: string;
  /** Where the build's and server's details are logged; absent for `npm run dev` (Astro prints its own). */
  readonly logFile?: string;
  /** The 0600 file holding the same link, for tools. */
  readonly tokenFile: string;
  readonly pid: number;
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith("..") ? fromHere : path;
}

/** The lines of the block, framed so it stands out from whatever was printed before. */
export function startBanner(facts: StartBannerFacts): string {
  const lines = [
    "Backend Architecture Field Guide is running.",
    "",
    `  Open  ${facts.link}`,
    "        (the token lets this browser run the examples; `npm run link` prints the link again)",
    `  Stop  press Ctrl+C here (or: kill ${facts.pid})`,
    ...(facts.logFile ? [`  Log   ${shown(facts.logFile)}`] : []),
    `  Token ${shown(facts.tokenFile)} (readable only by you)`,
  ];
  const rule = "─".repeat(Math.min(100, Math.max(...lines.map((line) => line.length)) + 2));
  return ["", rule, ...lines.map((line) => ` ${line}`), rule, ""].join("\n");
}

/** The props of `<Sandbox>` checked and resolved against the example, so a wrong prop fails the build with a clear message. */
import { defaultExamplesRoot, readExampleSummary, type ExampleSummary } from "./example-files.ts";

export interface SandboxCardProps {
  readonly example?: unknown;
  readonly file?: unknown;
  readonly title?: unknown;
}

/** What the card renders: the example, the file opened first and the heading. */
export interface SandboxCard {
  readonly summary: ExampleSummary;
  readonly openFirst: string;
  readonly heading: string;
}

/** Reads the example and applies the props; throws naming the prop and the valid choices. */
export async function resolveSandboxCard(
  props: SandboxCardProps,
  root: string = defaultExamplesRoot(),
): Promise<SandboxCard> {
  const { example, file, title } = props;
  if (typeof example !== "string" || example === "") {
    throw new Error('<Sandbox> needs an example name, e.g. <Sandbox example="cache-aside" />.');
  }
  const summary = await readExampleSummary(example, root);
  if (file !== undefined && (typeof file !== "string" || !summary.paths.includes(file))) {
    throw new Error(
      `<Sandbox example="${example}" file="${String(file)}">: the example has no such file. Its files: ${summary.paths.join(", ")}.`,
    );
  }
  if (title !== undefined && (typeof title !== "string" || title.trim() === "")) {
    throw new Error(`<Sandbox example="${example}">: title must be non-empty text.`);
  }
  return { summary, openFirst: file ?? summary.openFirst, heading: title ?? summary.title };
}

/**
 * The fields of a StackBlitz "POST API" form (https://developer.stackblitz.com/platform/api/post-api):
 * posting them to stackblitz.com/run opens a new project with these files. Nothing is sent until
 * the reader clicks Open in StackBlitz.
 */
import type { FileMap } from "../runtime/port.ts";

export const STACKBLITZ_RUN_URL = "https://stackblitz.com/run";

export interface StackBlitzProject {
  readonly title: string;
  readonly description: string;
  readonly files: FileMap;
  readonly openFile: string;
}

/** The form's action (with the file to open) and its name/value fields; `node` runs the project in a WebContainer. */
export function stackBlitzForm(project: StackBlitzProject): { action: string; fields: Array<[string, string]> } {
  const fields: Array<[string, string]> = [
    ["project[title]", project.title],
    ["project[description]", project.description],
    ["project[template]", "node"],
  ];
  for (const [path, contents] of Object.entries(project.files)) fields.push([`project[files][${path}]`, contents]);
  const action = `${STACKBLITZ_RUN_URL}?${new URLSearchParams({ file: project.openFile }).toString()}`;
  return { action, fields };
}

/**
 * The releases of the expand/contract rename of products.name to products.title. Each release is code
 * that must work with the schema before and after the migration that follows it, because during a
 * rolling deploy old and new code run side by side. In real life each is a deploy (or a feature flag);
 * here they are values, so a test can run every step.
 *
 * | after migration | release       | reads | writes       |
 * | --------------- | ------------- | ----- | ------------ |
 * | 002             | `original`    | name  | name         |
 * | 003 (add)       | `dualWrite`   | name  | name, title  |
 * | 004 (backfill)  | `readTitle`   | title | name, title  |
 * | 005 (require)   | `titleOnly`   | title | title        |
 * | 006 (drop name) | `titleOnly`   | title | title        |
 */
export type NameColumns = {
  readonly readFrom: "name" | "title";
  readonly writeTo: readonly ("name" | "title")[];
};

export const RELEASES = {
  original: { readFrom: "name", writeTo: ["name"] },
  dualWrite: { readFrom: "name", writeTo: ["name", "title"] },
  readTitle: { readFrom: "title", writeTo: ["name", "title"] },
  titleOnly: { readFrom: "title", writeTo: ["title"] },
} as const satisfies Record<string, NameColumns>;

/** What this build of the service runs: the rename is finished. */
export const CURRENT_RELEASE: NameColumns = RELEASES.titleOnly;

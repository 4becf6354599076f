/** node:assert/strict: the strict mode of the `assert` package (equal is strictEqual, deepEqual is deepStrictEqual). */
import assert from "assert";

const strict = assert.strict;
export default strict;
export const {
  AssertionError,
  deepEqual,
  deepStrictEqual,
  doesNotMatch,
  doesNotReject,
  doesNotThrow,
  equal,
  fail,
  ifError,
  match,
  notDeepEqual,
  notDeepStrictEqual,
  notEqual,
  notStrictEqual,
  ok,
  rejects,
  strictEqual,
  throws,
} = strict as typeof strict & { match: typeof assert.match; doesNotMatch: typeof assert.doesNotMatch };
export { strict };

import { describe, expect, it } from "vitest";
import { locationSearch, readLocation } from "./navigator-url.ts";

describe("readLocation", () => {
  it("defaults to the architecture tree with no answers", () => {
    const location = readLocation("");
    expect(location.tree.id).toBe("architecture");
    expect(location.answers).toBe("");
    expect(location.notices).toEqual([]);
  });

  it("restores a tree and its answers", () => {
    const location = readLocation("?tree=caching-strategy&a=yy");
    expect(location.tree.id).toBe("caching-strategy");
    expect(location.answers).toBe("yy");
    expect(location.walk.current?.id).toBe("Q3");
  });

  it("falls back to the first tree and says so when the tree is unknown", () => {
    const location = readLocation("?tree=nope&a=y");
    expect(location.tree.id).toBe("architecture");
    expect(location.answers).toBe("y");
    expect(location.notices).toEqual([
      "There is no decision tree called “nope”, so this is “Which patterns does this feature need?”.",
    ]);
  });

  it("keeps the valid prefix of bad answers and explains what was dropped", () => {
    const garbled = readLocation("?tree=architecture&a=nq");
    expect(garbled.answers).toBe("n");
    expect(garbled.notices[0]).toMatch(/stop making sense at question 2/);
    const tooMany = readLocation("?a=nnnnnnn");
    expect(tooMany.answers).toBe("nnnnn");
    expect(tooMany.notices[0]).toMatch(/2 more answer\(s\)/);
  });

  it("accepts upper-case answers, as people type them", () => {
    expect(readLocation("?a=YN").answers).toBe("yn");
  });
});

describe("locationSearch", () => {
  it("writes the tree and, when there are any, the answers", () => {
    expect(locationSearch("architecture", "")).toBe("?tree=architecture");
    expect(locationSearch("architecture", "yny")).toBe("?tree=architecture&a=yny");
  });

  it("round-trips through readLocation", () => {
    const location = readLocation(locationSearch("service-architecture", "yyn"));
    expect([location.tree.id, location.answers]).toEqual(["service-architecture", "yyn"]);
  });
});

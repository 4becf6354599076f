import type { DependencyRules } from "./dependency-checker.ts";

/**
 * This example's dependency rule: dependencies point inward, presentation and infrastructure never
 * import each other, and nothing imports the composition root (the files directly in src/).
 */
export const dependencyRules: DependencyRules = {
  domain: { mayImport: ["domain"], packages: false },
  application: { mayImport: ["domain", "application"], packages: false },
  infrastructure: { mayImport: ["domain", "application", "infrastructure"], packages: true },
  presentation: { mayImport: ["domain", "application", "presentation"], packages: true },
  "composition-root": {
    mayImport: ["domain", "application", "infrastructure", "presentation", "composition-root"],
    packages: true,
  },
};

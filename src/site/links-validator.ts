import type { StarlightPlugin } from "@astrojs/starlight/types";
import starlightLinksValidator from "starlight-links-validator";

type ValidatorOptions = Parameters<typeof starlightLinksValidator>[0];

/**
 * starlight-links-validator, told where the guide's pages really are. The validator finds
 * pages under `<srcDir>/content/docs`; the guide keeps them in the top-level `content/docs`,
 * so the validator sees the project root as its `srcDir`. Nothing else in the config changes.
 */
export function linksValidatorForTopLevelContent(options?: ValidatorOptions): StarlightPlugin {
  const validator = starlightLinksValidator(options);
  const setup = validator.hooks["config:setup"];
  return {
    name: validator.name,
    hooks: {
      "config:setup"(params) {
        const astroConfig = { ...params.astroConfig, srcDir: new URL("./", params.astroConfig.root) };
        return setup?.({ ...params, astroConfig });
      },
    },
  };
}

// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { mermaidDiagrams } from "./src/diagrams/integration.ts";
import { localRunnerIntegration } from "./src/runner/astro-integration.ts";
import { webContainerSnapshotsIntegration } from "./src/sandbox/runtime/dependency-snapshots.integration.ts";
import { inBrowserRuntimeIntegration } from "./src/sandbox/runtime/in-browser/build/integration.ts";
import { pagePolicyDirectives, scriptSources, styleSources } from "./src/server/content-security-policy.ts";
import { guideHeaders } from "./src/server/isolation-headers.ts";
import { cspInlineScripts } from "./src/site/csp-inline-scripts.ts";
import { linksValidatorForTopLevelContent } from "./src/site/links-validator.ts";
import { sidebarFromExistingPages } from "./src/site/sidebar.ts";
import { markdownAccessibility } from "./src/site/markdown-accessibility.ts";

const docsDir = fileURLToPath(new URL("./content/docs/", import.meta.url));

export default defineConfig({
  site: "https://backend-field-guide.dev",
  trailingSlash: "always",
  server: { port: 4321, host: "127.0.0.1", headers: guideHeaders },
  // Every page gets a strict Content-Security-Policy <meta> with the hashes of its inline scripts
  // (src/server/content-security-policy.ts says why each source is there). Astro applies it to builds, not to dev.
  // Expressive Code (through Starlight) highlights every code block; Astro's own Shiki pass would only add
  // inline styles the Content-Security-Policy refuses.
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      // The large chunks are loaded only when a reader asks: the sandbox editor and terminal (CodeMirror, xterm)
      // when a sandbox opens, Mermaid's layout engine when a diagram is drawn. Page weight is measured by
      // `npm run bench`; this limit only keeps the build quiet about chunks that are lazy by design.
      chunkSizeWarningLimit: 1600,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro 7 marks MDX modules with a directive the bundler warns about for every page
          // (withastro/astro#18087, open upstream); nothing in the guide can change it.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
  security: {
    csp: {
      directives: [...pagePolicyDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
  integrations: [
    starlight({
      title: "Backend Architecture Field Guide",
      description:
        "Production backend architecture for Python and TypeScript engineers: layers, DDD, repositories, caching, events and more, with runnable example services.",
      logo: { src: "./src/assets/logo.svg", alt: "Backend Architecture Field Guide" },
      favicon: "/favicon.svg",
      customCss: ["./src/styles/guide.css"],
      // Pages live outside src/, so Starlight's Markdown features (heading anchors, asides) are pointed at them.
      markdown: { processedDirs: ["./content/docs"] },
      lastUpdated: false,
      // The guide's own src/pages/404.astro renders the page (it says why).
      disable404Route: true,
      pagination: true,
      sidebar: sidebarFromExistingPages(docsDir),
      head: [{ tag: "meta", attrs: { name: "theme-color", content: "#0f172a" } }],
      components: {
        Head: "./src/components/overrides/Head.astro",
        PageTitle: "./src/components/overrides/PageTitle.astro",
      },
      plugins: [
        linksValidatorForTopLevelContent({
          errorOnRelativeLinks: true,
          errorOnLocalLinks: true,
          // The problem reference's anchors are rendered by components from the canon, which the validator cannot
          // see; tests/unit/content-canon.test.ts checks every link to them against the canon instead.
          exclude: ["/reference/problems/#*"],
        }),
      ],
    }),
    mermaidDiagrams(),
    markdownAccessibility(),
    localRunnerIntegration(),
    webContainerSnapshotsIntegration(),
    inBrowserRuntimeIntegration(),
    // Last, so it sees every page as written: adds the hashes of Starlight's is:inline scripts to each page's CSP.
    cspInlineScripts(),
  ],
});

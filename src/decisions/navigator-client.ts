import { diagramRenderedEvent } from "../diagrams/render-diagrams.ts";
import { locationSearch, readLocation, type NavigatorLocation } from "./navigator-url.ts";
import { nodeClassPrefix } from "./to-mermaid.ts";
import type { AnswerCode } from "./tree.ts";

const all = <E extends Element = HTMLElement>(root: ParentNode, selector: string) => [
  ...root.querySelectorAll<E>(selector),
];

/**
 * Drives one navigator from the URL: `?tree=<id>&a=<answers>` is the whole state, every answer is a
 * history entry (so Back undoes it), and the page only shows, hides and orders what the server rendered.
 */
export function startNavigator(root: HTMLElement): void {
  const announcer = root.querySelector<HTMLElement>("[data-announcer]");
  let state = readLocation(window.location.search);

  const go = (treeId: string, answers: string) => {
    window.history.pushState(null, "", `${window.location.pathname}${locationSearch(treeId, answers)}`);
    show(readLocation(window.location.search), true);
  };

  function show(next: NavigatorLocation, moveFocus: boolean): void {
    state = next;
    for (const link of all(root, "[data-tree-link]")) {
      link.toggleAttribute("aria-current", false);
      if (link.dataset["treeLink"] === next.tree.id) link.setAttribute("aria-current", "true");
    }
    for (const section of all(root, "[data-tree]")) section.hidden = section.dataset["tree"] !== next.tree.id;
    const section = root.querySelector<HTMLElement>(`[data-tree="${next.tree.id}"]`);
    if (!section) return;

    const notice = section.querySelector<HTMLElement>("[data-notice]");
    if (notice) {
      notice.textContent = next.notices.join(" ");
      notice.hidden = next.notices.length === 0;
    }

    const path = section.querySelector<HTMLElement>("[data-path]");
    const visible = new Set<string>();
    const walk = next.walk;
    let answered = 0;
    for (const id of walk.nodes) {
      const node = next.tree.nodes.find((candidate) => candidate.id === id);
      if (node?.kind === "question" && walk.answered[answered]?.question.id === id) {
        visible.add(`${id}:${walk.answered[answered]?.answer}`);
        answered += 1;
      } else if (node?.kind === "step") visible.add(id);
    }
    for (const item of all(section, "[data-path-item]")) item.hidden = !visible.has(item.dataset["pathItem"] ?? "");
    // Walk order, not declaration order: re-append the shown items in the order the reader met them.
    for (const key of visible) {
      const item = section.querySelector(`[data-path-item="${key}"]`);
      if (item && path) path.append(item);
    }
    const pathHeading = section.querySelector<HTMLElement>("[data-path-heading]");
    if (pathHeading) pathHeading.hidden = visible.size === 0;

    for (const question of all(section, "[data-question]")) {
      question.hidden = question.dataset["question"] !== walk.current?.id;
    }
    const outcome = section.querySelector<HTMLElement>("[data-outcome]");
    const outcomeList = section.querySelector<HTMLElement>("[data-outcome-list]");
    if (outcome) outcome.hidden = walk.current !== undefined;
    const chosen = new Set(walk.steps.map((step) => step.id));
    for (const item of all(section, "[data-outcome-item]"))
      item.hidden = !chosen.has(item.dataset["outcomeItem"] ?? "");
    for (const step of walk.steps) {
      const item = section.querySelector(`[data-outcome-item="${step.id}"]`);
      if (item && outcomeList) outcomeList.append(item);
    }

    highlight(section, next);
    if (announcer) {
      announcer.textContent = walk.current
        ? `Question ${walk.answered.length + 1}: ${walk.current.label}`
        : `Done. ${walk.steps.length} steps on your path: ${walk.steps.map((step) => step.label).join(", ")}.`;
    }
    if (moveFocus) {
      const target = walk.current
        ? section.querySelector<HTMLElement>(`[data-question="${walk.current.id}"] h3`)
        : section.querySelector<HTMLElement>("[data-outcome] h3");
      target?.focus();
    }
  }

  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const answer = target?.closest<HTMLElement>("[data-answer]");
    const treeLink = target?.closest<HTMLAnchorElement>("[data-tree-link]");
    const startOver = target?.closest("[data-start-over]");
    if (answer) {
      go(state.tree.id, state.answers + (answer.dataset["answer"] as AnswerCode));
    } else if (treeLink) {
      event.preventDefault();
      go(treeLink.dataset["treeLink"] ?? "", "");
    } else if (startOver) {
      go(state.tree.id, "");
    }
  });
  window.addEventListener("popstate", () => show(readLocation(window.location.search), true));
  root.addEventListener(diagramRenderedEvent, () => {
    const section = root.querySelector<HTMLElement>(`[data-tree="${state.tree.id}"]`);
    if (section) highlight(section, state);
  });

  // A shared link with unusable parts is rewritten to the part that was used, and the notice says why.
  if (state.notices.length > 0) {
    window.history.replaceState(null, "", `${window.location.pathname}${locationSearch(state.tree.id, state.answers)}`);
  }
  show(state, false);
}

/** Marks the nodes and edges on the reader's path in the tree's drawn diagram, and the node waiting for an answer. */
function highlight(section: HTMLElement, state: NavigatorLocation): void {
  const svg = section.querySelector("[data-diagram] svg");
  if (!svg) return;
  const onPath = new Set(state.walk.nodes);
  const current = state.walk.current?.id;
  for (const node of all<SVGGElement>(svg, "g.node")) {
    const id = [...node.classList].find((name) => name.startsWith(nodeClassPrefix))?.slice(nodeClassPrefix.length);
    if (id === undefined) continue;
    node.classList.toggle("dn-on-path", onPath.has(id));
    node.classList.toggle("dn-off-path", !onPath.has(id));
    node.classList.toggle("dn-current", id === current);
  }
  const edges = new Set(state.walk.edges);
  for (const edge of all<SVGElement>(svg, "path[data-id]")) {
    edge.classList.toggle("dn-on-path", edges.has(edge.dataset["id"] ?? ""));
  }
  svg.setAttribute("data-path", state.walk.nodes.join(" "));
}

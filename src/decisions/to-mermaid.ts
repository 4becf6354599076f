import { guideHref } from "./guide-href.ts";
import { edgeId, successorsOf, type DecisionNode, type DecisionTree } from "./tree.ts";

/** The CSS class every generated node carries, followed by its id, so the navigator can find it in the SVG. */
export const nodeClassPrefix = "dn-";

/** Mermaid flowchart source for a tree: same nodes, shapes and Yes/No edges; each node links to its page. */
export function treeToMermaid(tree: DecisionTree, base = "/"): string {
  const lines = ["flowchart TD", `    accTitle: ${oneLine(tree.title)}`, `    accDescr: ${oneLine(tree.description)}`];
  for (const node of tree.nodes) lines.push(`    ${node.id}${shape(node)}:::${nodeClassPrefix}${node.id}`);
  lines.push("");
  for (const node of tree.nodes) {
    if (node.kind === "question") {
      lines.push(`    ${node.id} ${edgeId(node.id, node.yes.next)}@-->|Yes| ${node.yes.next}`);
      lines.push(`    ${node.id} ${edgeId(node.id, node.no.next)}@-->|No| ${node.no.next}`);
    } else {
      for (const next of successorsOf(node)) lines.push(`    ${node.id} ${edgeId(node.id, next)}@--> ${next}`);
    }
  }
  lines.push("");
  for (const node of tree.nodes) {
    lines.push(
      `    click ${node.id} href "${guideHref(node.link, base)}" "${quoted(`Open the guide on: ${node.label}`)}"`,
    );
  }
  return lines.join("\n");
}

function shape(node: DecisionNode): string {
  const label = `"${quoted(node.label)}"`;
  return node.kind === "question" ? `{${label}}` : `[${label}]`;
}

/** Mermaid entity codes keep quotes from ending a quoted label early. */
function quoted(text: string): string {
  return text.replaceAll('"', "#quot;");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

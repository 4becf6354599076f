/** Paths turned into the nested folders and files the ARIA tree shows. */

export interface TreeFolder {
  readonly kind: "folder";
  readonly name: string;
  readonly path: string;
  readonly children: TreeNode[];
}

export interface TreeFile {
  readonly kind: "file";
  readonly name: string;
  readonly path: string;
}

export type TreeNode = TreeFolder | TreeFile;

/** Builds the tree: folders first at each level, then files, each alphabetically. */
export function buildFileTree(paths: readonly string[]): TreeNode[] {
  const root: TreeFolder = { kind: "folder", name: "", path: "", children: [] };
  for (const path of paths) {
    const parts = path.split("/");
    let folder = root;
    parts.slice(0, -1).forEach((name, index) => {
      const folderPath = parts.slice(0, index + 1).join("/");
      let next = folder.children.find((child): child is TreeFolder => child.kind === "folder" && child.name === name);
      if (!next) {
        next = { kind: "folder", name, path: folderPath, children: [] };
        folder.children.push(next);
      }
      folder = next;
    });
    folder.children.push({ kind: "file", name: parts.at(-1) ?? path, path });
  }
  sortTree(root.children);
  return root.children;
}

function sortTree(nodes: TreeNode[]): void {
  nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "folder" ? -1 : 1));
  for (const node of nodes) if (node.kind === "folder") sortTree(node.children);
}

/** Folders that contain `path`, outermost first (to expand them so the file shows). */
export function ancestorFolders(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}

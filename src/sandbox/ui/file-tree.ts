/**
 * The example's files as an ARIA tree (WAI-ARIA APG tree view pattern): one tab stop, arrow keys
 * move, Right/Left expand and collapse, Enter or Space opens a file. Modified files are marked.
 */
import { ancestorFolders, buildFileTree, type TreeNode } from "./file-tree-model.ts";

export interface FileTree {
  /** Marks `path` as the open file and moves the tab stop to it. */
  select(path: string): void;
  setModified(modified: ReadonlySet<string>): void;
}

/** Renders the tree into `parent`; `onOpen` is called when the reader opens a file. */
export function createFileTree(
  parent: HTMLElement,
  label: string,
  paths: readonly string[],
  onOpen: (path: string) => void,
): FileTree {
  const tree = document.createElement("ul");
  tree.setAttribute("role", "tree");
  tree.setAttribute("aria-label", label);
  tree.className = "fg-tree";
  const fileItems = new Map<string, HTMLLIElement>();
  const folderItems = new Map<string, HTMLLIElement>();

  const render = (nodes: readonly TreeNode[], container: HTMLUListElement, level: number) => {
    nodes.forEach((node, index) => {
      const item = document.createElement("li");
      item.setAttribute("role", "treeitem");
      item.setAttribute("aria-level", String(level));
      item.setAttribute("aria-setsize", String(nodes.length));
      item.setAttribute("aria-posinset", String(index + 1));
      item.tabIndex = -1;
      item.dataset["path"] = node.path;
      const row = document.createElement("span");
      row.className = "fg-tree__row";
      row.style.paddingInlineStart = `${(level - 1) * 0.9 + 0.4}rem`;
      item.append(row);
      if (node.kind === "folder") {
        item.setAttribute("aria-expanded", "true");
        // Without a label the folder's name would include every file inside it.
        item.setAttribute("aria-label", node.name);
        row.innerHTML = `<span class="fg-tree__twisty" aria-hidden="true"></span>`;
        row.append(node.name);
        const group = document.createElement("ul");
        group.setAttribute("role", "group");
        item.append(group);
        render(node.children, group, level + 1);
        folderItems.set(node.path, item);
      } else {
        item.setAttribute("aria-selected", "false");
        item.title = node.path;
        const name = document.createElement("span");
        name.textContent = node.name;
        const modified = document.createElement("span");
        modified.className = "fg-tree__modified";
        modified.innerHTML = `<span aria-hidden="true"> ●</span><span class="fg-visually-hidden"> (modified)</span>`;
        modified.hidden = true;
        row.append(name, modified);
        fileItems.set(node.path, item);
      }
      container.append(item);
    });
  };
  render(buildFileTree(paths), tree, 1);
  parent.append(tree);

  const isFolder = (item: HTMLElement) => item.hasAttribute("aria-expanded");
  const visibleItems = () =>
    [...tree.querySelectorAll<HTMLLIElement>('[role="treeitem"]')].filter(
      (item) => !item.parentElement?.closest('[aria-expanded="false"]'),
    );
  const setExpanded = (folder: HTMLElement, expanded: boolean) =>
    folder.setAttribute("aria-expanded", String(expanded));
  const focusItem = (item: HTMLElement | undefined) => {
    if (!item) return;
    for (const other of tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  };
  const activate = (item: HTMLElement) => {
    const path = item.dataset["path"] ?? "";
    if (isFolder(item)) setExpanded(item, item.getAttribute("aria-expanded") !== "true");
    else onOpen(path);
  };

  tree.addEventListener("click", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    event.stopPropagation();
    focusItem(item);
    activate(item);
  });

  tree.addEventListener("keydown", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = visibleItems();
    const index = items.indexOf(item as HTMLLIElement);
    const parentFolder = item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined;
    const expanded = item.getAttribute("aria-expanded");
    const handlers: Record<string, () => void> = {
      ArrowDown: () => focusItem(items[index + 1]),
      ArrowUp: () => focusItem(items[index - 1]),
      Home: () => focusItem(items[0]),
      End: () => focusItem(items.at(-1)),
      ArrowRight: () => {
        if (expanded === "false") setExpanded(item, true);
        else if (expanded === "true") focusItem(items[index + 1]);
      },
      ArrowLeft: () => {
        if (expanded === "true") setExpanded(item, false);
        else focusItem(parentFolder);
      },
      Enter: () => activate(item),
      " ": () => activate(item),
    };
    const handler = handlers[event.key];
    if (!handler || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    handler();
  });

  return {
    select(path) {
      for (const [filePath, item] of fileItems) item.setAttribute("aria-selected", String(filePath === path));
      for (const folder of ancestorFolders(path)) {
        const folderItem = folderItems.get(folder);
        if (folderItem) setExpanded(folderItem, true);
      }
      const item = fileItems.get(path);
      if (!item) return;
      for (const other of tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) other.tabIndex = -1;
      item.tabIndex = 0;
    },
    setModified(modified) {
      for (const [path, item] of fileItems) {
        const mark = item.querySelector<HTMLElement>(".fg-tree__modified");
        if (mark) mark.hidden = !modified.has(path);
        item.classList.toggle("fg-tree__item--modified", modified.has(path));
      }
    },
  };
}

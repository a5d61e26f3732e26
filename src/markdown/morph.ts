// Showing the open block's new render by changing only what differs from what is on screen.
//
// The open block (the paragraph, list or table being written) is rendered again at each update,
// and most updates add a few words at its end. Replacing its nodes with the new render made the
// browser style, lay out and paint the whole block again each time: every item of a list being
// written, every cell of a table (traced, a paced 20 KB answer added list items to layout 610 times
// and table cells 456 times; 329 and 276 times with this). Here the nodes that did not change stay,
// text grows in place, and only what is new or different is inserted, so the frame's work follows
// what changed. A block that finishes looking as it was shown keeps its nodes too.
//
// Written by hand: the fixed stack has no DOM-morphing library, and what is needed is narrow. Both
// trees come from the same renderer and sanitizer, so nodes are matched by position (no keys, no
// moves); an element whose name or attributes differ is replaced whole by the new one. Every node
// inserted comes from the new, sanitized render, and text is only ever set as text: what reaches
// the DOM is exactly what a replacement would have put there. A render with work still to finish
// on its own nodes (code waiting for its grammar, math for KaTeX) is not morphed but inserted
// (markdown-view.ts): a shown node kept in place of one of them would never get that work.

/**
 * Makes `shown`, the live nodes of the open block (consecutive siblings, in order), show what
 * `fresh` (its new, sanitized render) holds: nodes of the same kind, name and attributes are kept
 * and their children matched in turn, text nodes take the new text in place, and the rest is
 * replaced, removed or inserted from `fresh`. `skip` (the streaming cursor) is neither compared
 * nor moved, and what is added to its parent goes before it. Returns the block's nodes now.
 */
export function morph(shown: readonly ChildNode[], fresh: DocumentFragment, skip?: Node): ChildNode[] {
  const first = shown[0];
  const parent = first?.parentNode;
  if (!parent) throw new Error('morph: the first shown node has no parent');
  // A node the page moved away meanwhile is not matched: only those still beside the first.
  const current = shown.filter((node) => node.parentNode === parent);
  return matchChildren(parent, current, Array.from(fresh.childNodes), first, skip);
}

/**
 * Matches `next` against `current` (children of `parent`) position by position; `start` is where
 * the first of them goes when `current` is empty. Returns the nodes that now stand for `next`.
 */
function matchChildren(parent: Node, current: readonly ChildNode[], next: readonly ChildNode[], start: Node | null, skip?: Node): ChildNode[] {
  const result: ChildNode[] = [];
  let previous: ChildNode | undefined;
  next.forEach((wanted, index) => {
    const have = current[index];
    let now: ChildNode = wanted;
    if (have && sameNode(have, wanted)) {
      if (have instanceof CharacterData) setText(have, (wanted as CharacterData).data);
      else matchChildren(have, childrenOf(have, skip), Array.from(wanted.childNodes), have.firstChild, skip);
      now = have;
    } else if (have) {
      parent.replaceChild(wanted, have);
    } else {
      parent.insertBefore(wanted, previous ? previous.nextSibling : start);
    }
    result.push(now);
    previous = now;
  });
  for (const extra of current.slice(next.length)) extra.remove();
  return result;
}

function childrenOf(node: Node, skip?: Node): ChildNode[] {
  return Array.from(node.childNodes).filter((child) => child !== skip);
}

/** Same kind of node, and for elements the same name and attributes (children are matched apart). */
function sameNode(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (!(a instanceof Element)) return true;
  const theirs = (b as Element).attributes;
  if (a.attributes.length !== theirs.length) return false;
  for (const attribute of Array.from(theirs)) {
    if (a.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) return false;
  }
  return true;
}

/** New text for a text node, appended when it only grew (the usual case: words added at the end). */
function setText(node: CharacterData, data: string): void {
  if (node.data === data) return;
  if (data.startsWith(node.data)) node.appendData(data.slice(node.data.length));
  else node.data = data;
}

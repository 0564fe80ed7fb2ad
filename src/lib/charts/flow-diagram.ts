/**
 * The data-flow diagram of a filing: the department, the 委託先 it hands the data to (with the
 * members of a 企業体) and their 再委託先, each arrow labelled with the items or the task; for a
 * change of contractor one diagram 変更前 and one 変更後. Drawn as an indented tree, which reads
 * top to bottom at any width and stays legible on a phone: d3-hierarchy orders the nodes and
 * gives their depth and links, d3-shape draws the connectors. The page renders the result as
 * static SVG (src/components/FlowDiagram.astro); nothing runs in the browser.
 */
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { line } from 'd3-shape';
import { describeRole } from '../crosslinks/archive.ts';
import { FILING_WORDS as W } from '../words/filing.ts';
import { PICTURE_WORDS as P } from '../words/pictures.ts';
import type { Party, PartySide } from '../views/parties.ts';
import { wrapText } from './svg-text.ts';

/** A box of the diagram. */
export interface FlowNode {
  kind: 'department' | 'contractor' | 'member' | 'sub' | 'undetermined';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The name, wrapped. */
  lines: string[];
  /** The role, under the name. */
  role?: string;
  href?: string;
}

/** A connector from a box to one below it, with its label (the items handed over, the task). */
export interface FlowLink {
  d: string;
  kind: FlowNode['kind'];
  label: { x: number; y: number; lines: string[] } | undefined;
}

/** One diagram, in viewBox units. */
export interface FlowDiagram {
  id: string;
  title: string;
  /** The text alternative: every arrow in words. */
  desc: string;
  width: number;
  height: number;
  nodes: FlowNode[];
  links: FlowLink[];
}

interface Datum {
  kind: FlowNode['kind'];
  name: string;
  role?: string;
  edge?: string;
  href?: string;
  children?: Datum[];
}

/** Sizes in viewBox units; the SVG scales to its box, 360 wide fits a phone at about 1:1. */
export const FLOW = { width: 360, indent: 26, font: 14, small: 12, line: 19, smallLine: 16, pad: 8, gap: 10 } as const;

function datum(p: Party, kind: FlowNode['kind'], edge: string | undefined, href: (name: string) => string | undefined): Datum {
  const link = href(p.name);
  return {
    kind,
    name: p.name,
    role: describeRole({ role: p.role, written: p.name }),
    ...(edge ? { edge } : {}),
    ...(link ? { href: link } : {}),
    children: [
      ...p.members.map((m) => datum(m, 'member', undefined, href)),
      ...p.subs.map((s) => datum(s, 'sub', s.task ? `${P.subEdge}${s.task}` : P.subEdge.replace(/：$/u, ''), href)),
    ],
  };
}

/**
 * The diagrams of a filing: one per side of its contractors (partySides), or one with the
 * undetermined contractor when it names none. `items` label the arrow from the department.
 */
export function flowDiagrams(options: {
  id: string;
  department: string;
  sides: PartySide[];
  items: string[];
  status: string | undefined;
  href: (name: string) => string | undefined;
}): FlowDiagram[] {
  const itemLabel = options.items.length > 0 ? W.items(options.items.length, options.items.slice(0, 3)) : '';
  const sides: Array<{ change?: string; children: Datum[] }> =
    options.sides.length > 0
      ? options.sides.map((s) => ({
          ...(s.change ? { change: s.change } : {}),
          children: s.parties.map((p) => datum(p, 'contractor', itemLabel, options.href)),
        }))
      : [
          {
            children: [
              {
                kind: 'undetermined',
                name: options.status ?? W.noContractor,
                role: W.undetermined,
                ...(itemLabel ? { edge: itemLabel } : {}),
              },
            ],
          },
        ];
  return sides.map((s, i) =>
    layout(`${options.id}-${i}`, P.flowTitle(s.change), {
      kind: 'department',
      name: options.department,
      role: W.department,
      children: s.children,
    }),
  );
}

const connector = line<[number, number]>();

function layout(id: string, title: string, root: Datum): FlowDiagram {
  const tree = hierarchy(root);
  const nodes: FlowNode[] = [];
  const links: FlowLink[] = [];
  const placed = new Map<HierarchyNode<Datum>, FlowNode>();
  const descLines: string[] = [];
  let y = 0;
  tree.eachBefore((n) => {
    const x = n.depth * FLOW.indent;
    const width = FLOW.width - x;
    let label: FlowLink['label'];
    if (n.parent && n.data.edge) {
      const lines = wrapText(n.data.edge, (width - FLOW.pad) / FLOW.small);
      label = { x: x + FLOW.pad, y: y + FLOW.small, lines };
      y += lines.length * FLOW.smallLine + 2;
    }
    const lines = wrapText(n.data.name, (width - 2 * FLOW.pad) / FLOW.font);
    const height = FLOW.pad * 2 + lines.length * FLOW.line + (n.data.role ? FLOW.smallLine : 0);
    const node: FlowNode = {
      kind: n.data.kind,
      x,
      y,
      width,
      height,
      lines,
      ...(n.data.role ? { role: n.data.role } : {}),
      ...(n.data.href ? { href: n.data.href } : {}),
    };
    nodes.push(node);
    placed.set(n, node);
    if (n.parent) {
      const from = placed.get(n.parent) as FlowNode;
      const px = from.x + FLOW.indent / 2;
      const my = y + height / 2;
      links.push({
        d:
          connector([
            [px, from.y + from.height],
            [px, my],
            [x, my],
          ]) ?? '',
        kind: n.data.kind,
        label,
      });
      descLines.push(P.flowEdge(n.parent.data.name, n.data.name, n.data.edge ?? ''));
    }
    y += height + FLOW.gap;
  });
  return {
    id,
    title,
    desc: P.flowDesc(root.name, descLines.join('。')),
    width: FLOW.width,
    height: Math.max(0, y - FLOW.gap) + 2,
    nodes,
    links,
  };
}

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import dagre from '@dagrejs/dagre';
import { LEVEL_LABEL, LEVEL_VALUE, type Competency, type Level } from '../api/types';

const NODE_WIDTH = 168;
/** The graph is shrunk to fit its box, but never below this, so that its text stays readable (then it scrolls). */
const MIN_SCALE = 0.62;
const NODE_HEIGHT = 56;

export interface GraphNode {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'child' | 'prerequisite';
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Lays the framework out top-down with dagre: a parent above its children (solid edges), a prerequisite above what
 * it opens (dashed arrows). Pure: the same framework gives the same picture.
 */
export function layoutFramework(competencies: Competency[]): GraphLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 48, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  const known = new Set(competencies.map((c) => c.id));
  competencies.forEach((c) => graph.setNode(c.id, { width: NODE_WIDTH, height: NODE_HEIGHT }));
  const edges: { from: string; to: string; kind: GraphEdge['kind'] }[] = [];
  competencies.forEach((c) => {
    if (c.parentId && known.has(c.parentId)) {
      edges.push({ from: c.parentId, to: c.id, kind: 'child' });
    }
    (c.prerequisiteIds ?? []).filter((p) => known.has(p)).forEach((p) => edges.push({ from: p, to: c.id, kind: 'prerequisite' }));
  });
  edges.forEach((e, i) => graph.setEdge(e.from, e.to, { minlen: e.kind === 'child' ? 1 : 1, weight: e.kind === 'child' ? 2 : 1 }, `e${i}`));
  dagre.layout(graph);
  const label = graph.graph();
  return {
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes: competencies.map((c) => {
      const node = graph.node(c.id);
      return { id: c.id, name: c.name, x: node.x, y: node.y };
    }),
    edges: edges.map((e, i) => ({
      ...e,
      points: (graph.edge({ v: e.from, w: e.to, name: `e${i}` })?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
    })),
  };
}

export interface FrameworkGraphProps {
  competencies: Competency[];
  /** Each competency's level; without it the graph shows the framework alone. */
  levels?: Record<string, Level>;
  /** The ready fringe: leaves not mastered whose prerequisites are all mastered. */
  ready?: Set<string>;
  selected?: string | null;
  onSelect?: (competencyId: string) => void;
  label: string;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The framework drawn as a graph: hierarchy and prerequisites, each node coloured by level, the ready fringe marked. */
export function FrameworkGraph({ competencies, levels, ready, selected, onSelect, label }: FrameworkGraphProps) {
  const layout = useMemo(() => layoutFramework(competencies), [competencies]);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(() => setBoxWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const scale = boxWidth && layout.width > 0 ? Math.max(MIN_SCALE, Math.min(1, (boxWidth - 4) / layout.width)) : 1;
  // When the graph is wider than its box, open it where the learner is: the ready fringe, else work in progress.
  const focusNode = useMemo(() => {
    const started = layout.nodes.filter((n) => (levels?.[n.id] ? LEVEL_VALUE[levels[n.id]] > 0 : false));
    return layout.nodes.find((n) => ready?.has(n.id)) ?? started[0] ?? null;
  }, [layout, levels, ready]);
  useEffect(() => {
    const element = box.current;
    if (element && boxWidth && focusNode && layout.width * scale > boxWidth) {
      element.scrollLeft = Math.max(0, focusNode.x * scale - boxWidth / 2);
    }
  }, [focusNode, boxWidth, scale, layout.width]);
  const path = (points: { x: number; y: number }[]) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const activate = (id: string) => onSelect?.(id);
  const onKey = (id: string) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(id);
    }
  };
  return (
    <div className="graph-scroll" ref={box} tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
      <svg className="framework-graph" width={Math.ceil(layout.width * scale)} height={Math.ceil(layout.height * scale)}
           viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={label}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <path key={`${e.kind}-${e.from}-${e.to}`} d={path(e.points)} className={`edge ${e.kind}`}
                markerEnd={e.kind === 'prerequisite' ? 'url(#arrow)' : undefined} data-edge={`${e.from}->${e.to}`} />
        ))}
        {layout.nodes.map((n) => {
          const level = levels?.[n.id];
          const value = level ? LEVEL_VALUE[level] : undefined;
          const isReady = ready?.has(n.id) ?? false;
          const idLine = `${shorten(n.id, 24)}${value !== undefined ? ` · ${value}` : ''}`;
          const nameLine = shorten(n.name, 28);
          // The name starts with the text drawn on the node, then says it in full.
          const description = `${idLine} ${nameLine}${isReady ? ' ready' : ''}: ${n.id}, ${n.name}`
            + `${level ? `, ${LEVEL_LABEL[level]}, level ${value}` : ''}${isReady ? ', ready to start' : ''}`;
          return (
            <g key={n.id} transform={`translate(${n.x - NODE_WIDTH / 2},${n.y - NODE_HEIGHT / 2})`}
               className={`node${value !== undefined ? ` lvl-${value}` : ''}${isReady ? ' ready' : ''}${selected === n.id ? ' selected' : ''}`}
               data-node={n.id} tabIndex={onSelect ? 0 : undefined} role={onSelect ? 'button' : 'img'}
               aria-label={description} aria-pressed={onSelect ? selected === n.id : undefined}
               onClick={onSelect ? () => activate(n.id) : undefined} onKeyDown={onSelect ? onKey(n.id) : undefined}>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
              <text x="8" y="18" className="node-id" aria-hidden="true">{idLine}{' '}</text>
              <text x="8" y="36" className="node-name" aria-hidden="true">{nameLine}{' '}</text>
              {isReady && <text x={NODE_WIDTH - 8} y="50" textAnchor="end" className="ready-mark" aria-hidden="true">ready</text>}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function GraphLegend({ withLevels }: { withLevels: boolean }) {
  return (
    <ul className="legend" aria-label="Graph legend">
      <li><svg width="34" height="10" aria-hidden="true"><path d="M0,5 L34,5" className="edge child" /></svg> parent to child</li>
      <li><svg width="34" height="10" aria-hidden="true"><path d="M0,5 L30,5" className="edge prerequisite" markerEnd="url(#arrow)" /></svg> prerequisite</li>
      {withLevels && <li><span className="swatch ready-swatch" aria-hidden="true" /> ready to start (ready fringe)</li>}
    </ul>
  );
}

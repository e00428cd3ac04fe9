import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Competency } from '../api/types';
import { FrameworkGraph, layoutFramework } from './FrameworkGraph';

const framework: Competency[] = [
  { id: 'rp.ratio', name: 'Ratio concepts', parentId: null, prerequisiteIds: [], gradeLevel: 6, externalId: null },
  { id: 'rp.ratio.language', name: 'Use ratio language', parentId: 'rp.ratio', prerequisiteIds: [], gradeLevel: 6, externalId: null },
  { id: 'rp.ratio.tables', name: 'Tables of ratios', parentId: 'rp.ratio', prerequisiteIds: ['rp.ratio.language'], gradeLevel: 6, externalId: null },
  { id: 'rp.rates', name: 'Rates', parentId: null, prerequisiteIds: ['rp.ratio'], gradeLevel: 6, externalId: null },
];

describe('layoutFramework', () => {
  it('draws a parent above its children and a prerequisite above what it opens', () => {
    const layout = layoutFramework(framework);
    const y = Object.fromEntries(layout.nodes.map((n) => [n.id, n.y]));

    expect(y['rp.ratio']).toBeLessThan(y['rp.ratio.language']);
    expect(y['rp.ratio.language']).toBeLessThan(y['rp.ratio.tables']);
    expect(y['rp.ratio']).toBeLessThan(y['rp.rates']);
    expect(layout.edges.map((e) => `${e.kind} ${e.from}->${e.to}`).sort()).toEqual([
      'child rp.ratio->rp.ratio.language',
      'child rp.ratio->rp.ratio.tables',
      'prerequisite rp.ratio->rp.rates',
      'prerequisite rp.ratio.language->rp.ratio.tables',
    ]);
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
  });

  it('leaves out links to competencies that are not in the framework', () => {
    const layout = layoutFramework([{ ...framework[0], prerequisiteIds: ['gone'] }]);

    expect(layout.edges).toEqual([]);
    expect(layout.nodes).toHaveLength(1);
  });
});

describe('FrameworkGraph', () => {
  it('colours each node by level, marks the ready fringe and selects a node by click or keyboard', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <FrameworkGraph competencies={framework} label="Ratios for nia" onSelect={onSelect} selected="rp.ratio"
                      levels={{ 'rp.ratio': 'APPROACHING', 'rp.ratio.language': 'MASTERED', 'rp.ratio.tables': 'NO_EVIDENCE', 'rp.rates': 'NO_EVIDENCE' }}
                      ready={new Set(['rp.ratio.tables'])} />,
    );

    const tables = screen.getByRole('button', {
      name: 'rp.ratio.tables · 0 Tables of ratios ready: rp.ratio.tables, Tables of ratios, no evidence, level 0, ready to start',
    });
    expect(tables.getAttribute('class')).toBe('node lvl-0 ready');
    expect(tables.querySelector('text')?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('[data-node="rp.ratio.language"]')?.getAttribute('class')).toBe('node lvl-3');
    expect(container.querySelector('[data-node="rp.ratio"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelectorAll('.node.ready')).toHaveLength(1);
    expect(container.querySelectorAll('path.edge.prerequisite')).toHaveLength(2);

    fireEvent.click(tables);
    fireEvent.keyDown(screen.getByRole('button', { name: /^rp\.rates/ }), { key: 'Enter' });
    expect(onSelect.mock.calls).toEqual([['rp.ratio.tables'], ['rp.rates']]);
  });

  it('without levels draws the framework alone, not focusable', () => {
    const { container } = render(<FrameworkGraph competencies={framework} label="Ratios" />);

    expect(container.querySelectorAll('.node')).toHaveLength(4);
    expect(container.querySelectorAll('[data-node][tabindex]')).toHaveLength(0);
    expect(container.querySelector('[data-node]')?.getAttribute('role')).toBe('img');
    expect(container.querySelector('.node')?.getAttribute('class')).toBe('node');
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ChartRow, Standard } from '../api/types';
import { columnLabel, HeatMap } from './HeatMap';

const standards: Standard[] = [
  { competencyId: 'rp.ratio', name: 'Ratio concepts', parentId: null, code: '6.RP.A', leaf: false },
  { competencyId: 'rp.ratio.language', name: 'Use ratio language', parentId: 'rp.ratio', code: '6.RP.A.1', leaf: true },
  { competencyId: 'rp.ratio.tables', name: 'Tables of ratios', parentId: 'rp.ratio', code: null, leaf: true },
];

const rows: ChartRow[] = [
  {
    learnerId: 'nia', schoolId: 'north-middle', grade: 6,
    levels: { 'rp.ratio': 'APPROACHING', 'rp.ratio.language': 'MASTERED', 'rp.ratio.tables': 'NO_EVIDENCE' },
    scores: { 'rp.ratio': 0.5, 'rp.ratio.language': 0.85, 'rp.ratio.tables': 0 },
  },
  {
    learnerId: 'omar', schoolId: 'north-middle', grade: 6,
    levels: { 'rp.ratio': 'BEGINNING', 'rp.ratio.language': 'EXCEEDING', 'rp.ratio.tables': 'BEGINNING' },
    scores: { 'rp.ratio': 0.3, 'rp.ratio.language': 0.97, 'rp.ratio.tables': 0.2 },
  },
];

function renderMap(overrides: Partial<Parameters<typeof HeatMap>[0]> = {}) {
  const onSort = vi.fn();
  const onOpenCell = vi.fn();
  render(
    <MemoryRouter>
      <HeatMap standards={standards} rows={rows} sort="learner" descending={false} onSort={onSort} onOpenCell={onOpenCell}
               learnerHref={(id) => `/learners/${id}`} {...overrides} />
    </MemoryRouter>,
  );
  return { onSort, onOpenCell };
}

describe('HeatMap', () => {
  it('shows each cell as its level on the 0-4 scale, coloured by level and named for screen readers', () => {
    renderMap();

    const cell = screen.getByRole('button', { name: 'nia, Use ratio language: mastered, level 3' });
    expect(cell.textContent).toBe('3');
    expect(cell.closest('td')?.className).toBe('cell lvl-3');
    expect(screen.getByRole('button', { name: 'omar, Use ratio language: exceeding, level 4' }).textContent).toBe('4');
    expect(screen.getByRole('button', { name: 'nia, Tables of ratios: no evidence, level 0' }).closest('td')?.className).toBe('cell lvl-0');
  });

  it('labels columns by CASE code, else by the last part of the id', () => {
    expect(columnLabel(standards[1])).toBe('6.RP.A.1');
    expect(columnLabel(standards[2])).toBe('tables');
  });

  it('opens the explanation of the clicked cell', () => {
    const { onOpenCell } = renderMap();

    fireEvent.click(screen.getByRole('button', { name: 'omar, Tables of ratios: beginning, level 1' }));

    expect(onOpenCell).toHaveBeenCalledWith('omar', 'rp.ratio.tables');
  });

  it('sorts by a column when its header is clicked and marks the sorted column', () => {
    const { onSort } = renderMap({ sort: 'rp.ratio.language', descending: true });

    fireEvent.click(screen.getByRole('button', { name: '6.RP.A.1: Use ratio language (rp.ratio.language): sort by level' }));

    expect(onSort).toHaveBeenCalledWith('rp.ratio.language');
    const sorted = screen.getAllByRole('columnheader').filter((h) => h.getAttribute('aria-sort'));
    expect(sorted).toHaveLength(1);
    expect(sorted[0].getAttribute('aria-sort')).toBe('descending');
    expect(within(sorted[0]).getByText('6.RP.A.1')).toBeTruthy();
  });

  it('is one tab stop: the arrow keys move between cells', () => {
    renderMap();
    const cells = screen.getAllByRole('button').filter((b) => b.dataset.cell);
    expect(cells.filter((c) => c.tabIndex === 0)).toHaveLength(1);

    act(() => cells[0].focus());
    fireEvent.keyDown(cells[0], { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('0:1');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('1:1');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('1:2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('1:2');
  });

  it('without a handler the cells are text, not buttons', () => {
    renderMap({ onOpenCell: undefined });

    expect(screen.queryAllByRole('button').filter((b) => b.dataset.cell)).toHaveLength(0);
    expect(screen.getAllByTitle('nia, Use ratio language: mastered, level 3')).toHaveLength(1);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LearnerDiff, Simulation } from '../api/types';
import { listDiff, SimulationDiff } from './SimulationDiff';

function diff(learnerId: string, school: string, gradeBand: string): LearnerDiff {
  return {
    learnerId, school, gradeBand,
    levels: [{ competencyId: 'rp.ratio.language', before: 'approaching', after: 'mastered', whyBefore: '0.72 < 0.80', whyAfter: '0.72 >= 0.70' }],
    flagsBefore: ['struggling rp.ratio.language'], flagsAfter: [],
    stepsBefore: ['ratio.language.mini', 'ratio.tables.lesson'], stepsAfter: ['ratio.tables.lesson', 'ratio.unit-rate.lesson'],
  };
}

const simulation: Simulation = {
  currentVersion: 'district-default@1.0.0', candidateVersion: 'district-default@candidate', learners: 30, evidence: 240,
  skippedEvidence: 0, changedLearners: 3, changed: ['nia', 'omar', 'ada'],
  byGradeBand: { 'K-2': { changed: 1, total: 6 }, '6-8': { changed: 2, total: 11 } },
  bySchool: { 'north-middle': { changed: 2, total: 11 }, 'river-elementary': { changed: 1, total: 13 } },
  sample: [diff('omar', 'north-middle', '6-8'), diff('ada', 'river-elementary', 'K-2'), diff('nia', 'north-middle', '6-8')],
  text: '',
};

describe('listDiff', () => {
  it('tells what was removed, added and kept', () => {
    expect(listDiff(['a', 'b'], ['b', 'c'])).toEqual({ removed: ['a'], added: ['c'], kept: ['b'] });
  });
});

describe('SimulationDiff', () => {
  it('counts the changed learners by school and by grade band', () => {
    render(<SimulationDiff simulation={simulation} />);

    expect(screen.getByText(/of 30 learners change/).textContent).toContain('3 of 30 learners change (240 pieces of evidence replayed)');
    const bySchool = screen.getByRole('table', { name: 'By school' });
    expect(within(bySchool).getByRole('row', { name: /north-middle/ }).textContent).toContain('2 of 11');
    expect(within(bySchool).getByRole('row', { name: /north-middle/ }).textContent).toContain('18%');
    const byBand = screen.getByRole('table', { name: 'By grade band' });
    expect(within(byBand).getByRole('row', { name: /K-2/ }).textContent).toContain('1 of 6');
  });

  it('lists each changed learner under its school and grade band, with levels, flags and steps as a diff', () => {
    const { container } = render(<SimulationDiff simulation={simulation} />);

    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['School north-middle, grade band 6-8', 'School river-elementary, grade band K-2']);
    const learners = [...container.querySelectorAll('li.learner-diff .who strong')].map((s) => s.textContent);
    expect(learners).toEqual(['nia', 'omar', 'ada']);
    const nia = container.querySelector('li.learner-diff')!;
    expect(nia.querySelector('del.removed')?.textContent).toBe('approaching');
    expect(nia.querySelector('ins.added')?.textContent).toBe('mastered');
    expect([...nia.querySelectorAll('.list-change')].map((l) => l.textContent)).toEqual([
      'Flags:struggling rp.ratio.language',
      'Next steps:ratio.language.miniratio.unit-rate.lesson(unchanged: ratio.tables.lesson)',
    ]);
  });

  it('pages a long list of changed learners', () => {
    const many = Array.from({ length: 45 }, (_, i) => diff(`l-${String(i).padStart(2, '0')}`, 'north-middle', '6-8'));
    const { container } = render(<SimulationDiff simulation={{ ...simulation, changedLearners: 45, sample: many }} />);

    expect(container.querySelectorAll('li.learner-diff')).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(container.querySelector('li.learner-diff .who strong')?.textContent).toBe('l-20');
    expect(screen.getByText('21–40 of 45')).toBeTruthy();
  });

  it('says so when nothing would change', () => {
    render(<SimulationDiff simulation={{ ...simulation, changedLearners: 0, changed: [], sample: [] }} />);

    expect(screen.getByText("No learner's level, flags or next steps would change.")).toBeTruthy();
  });
});

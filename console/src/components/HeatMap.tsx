import { useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { LEVEL_LABEL, LEVEL_VALUE, type ChartRow, type ChartSummary, type Level, type Standard } from '../api/types';

export interface HeatMapProps {
  standards: Standard[];
  rows: ChartRow[];
  summary?: ChartSummary[];
  sort: string;
  descending: boolean;
  onSort: (key: string) => void;
  /** Opens a cell's explanation; without it the cells are not interactive. */
  onOpenCell?: (learnerId: string, competencyId: string) => void;
  /** The learner page of a row; without it the learner is plain text. */
  learnerHref?: (learnerId: string) => string;
}

/** The short name of a column: its CASE code, else the last part of its id. */
export function columnLabel(standard: Standard): string {
  if (standard.code) {
    return standard.code;
  }
  const parts = standard.competencyId.split('.');
  return parts[parts.length - 1];
}

/**
 * The learner × competency mastery chart on the 0-4 scale. Every cell is a button (one tab stop for the grid: the
 * arrow keys, Home and End move between cells, Enter opens the explanation); every column header sorts.
 */
export function HeatMap({ standards, rows, summary, sort, descending, onSort, onOpenCell, learnerHref }: HeatMapProps) {
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const table = useRef<HTMLTableElement>(null);
  const row = Math.min(focus[0], Math.max(0, rows.length - 1));
  const column = Math.min(focus[1], Math.max(0, standards.length - 1));

  const move = (r: number, c: number) => {
    const next: [number, number] = [
      Math.max(0, Math.min(rows.length - 1, r)),
      Math.max(0, Math.min(standards.length - 1, c)),
    ];
    setFocus(next);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}:${next[1]}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    if (!target.dataset.cell) {
      return;
    }
    const [r, c] = target.dataset.cell.split(':').map(Number);
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 0],
      End: [r, standards.length - 1],
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      move(to[0], to[1]);
    }
  };

  const sortHeader = (key: string, label: string, title: string) => {
    const active = sort === key;
    return (
      <button type="button" className="sort" title={title} aria-label={`${label}: ${title}`} onClick={() => onSort(key)}>
        <span>{label}</span>
        <span aria-hidden="true" className="sort-mark">{active ? (descending ? '▼' : '▲') : ''}</span>
      </button>
    );
  };
  const ariaSort = (key: string) => (sort === key ? (descending ? 'descending' : 'ascending') : undefined);
  const byId = new Map(summary?.map((s) => [s.competencyId, s]) ?? []);

  return (
    <div className="heatmap-scroll" tabIndex={0} role="region" aria-label="Mastery chart, scrollable">
      <table className="heatmap" ref={table} onKeyDown={onKeyDown}>
        <caption className="visually-hidden">
          Mastery by learner and competency on the 0-4 scale: 0 no evidence, 1 beginning, 2 approaching, 3 mastered,
          4 exceeding.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="learner-col" aria-sort={ariaSort('learner')}>
              {sortHeader('learner', 'Learner', 'sort by learner')}
            </th>
            <th scope="col" aria-sort={ariaSort('grade')}>{sortHeader('grade', 'Grade', 'sort by grade')}</th>
            {standards.map((s) => (
              <th key={s.competencyId} scope="col" className={s.leaf ? 'standard' : 'standard parent'}
                  aria-sort={ariaSort(s.competencyId)}>
                {sortHeader(s.competencyId, columnLabel(s), `${s.name} (${s.competencyId}): sort by level`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((learner, r) => (
            <tr key={learner.learnerId}>
              <th scope="row" className="learner-col">
                {learnerHref ? <Link to={learnerHref(learner.learnerId)}>{learner.learnerId}</Link> : learner.learnerId}
                <span className="school">{learner.schoolId}</span>
              </th>
              <td className="grade">{learner.grade === 0 ? 'K' : learner.grade}</td>
              {standards.map((s, c) => {
                const level: Level = learner.levels[s.competencyId] ?? 'NO_EVIDENCE';
                const value = LEVEL_VALUE[level];
                const label = `${learner.learnerId}, ${s.name}: ${LEVEL_LABEL[level]}, level ${value}`;
                const score = learner.scores[s.competencyId];
                return (
                  <td key={s.competencyId} className={`cell lvl-${value}`}>
                    {onOpenCell ? (
                      <button type="button" data-cell={`${r}:${c}`} tabIndex={r === row && c === column ? 0 : -1}
                              aria-label={label} title={`${label}; score ${score?.toFixed(2) ?? '0.00'}`}
                              onFocus={() => setFocus([r, c])}
                              onClick={() => onOpenCell(learner.learnerId, s.competencyId)}>
                        {value}
                      </button>
                    ) : (
                      <span title={label}>{value}<span className="visually-hidden">{` ${LEVEL_LABEL[level]}`}</span></span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {summary && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>Mastered</th>
              {standards.map((s) => (
                <td key={s.competencyId} className="summary">{byId.get(s.competencyId)?.percentMastered ?? 0}%</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The legend of the scale, in the chart's colours. */
export function LevelLegend() {
  return (
    <ul className="legend" aria-label="Mastery scale">
      {(Object.keys(LEVEL_VALUE) as Level[]).map((level) => (
        <li key={level}><span className={`swatch lvl-${LEVEL_VALUE[level]}`} aria-hidden="true">{LEVEL_VALUE[level]}</span> {LEVEL_LABEL[level]}</li>
      ))}
    </ul>
  );
}

import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../i18n';
import type { SheetData } from '../host/workbook';
import { columnLetters } from '../host/file/xlsx-xml';
import { alignsRight, displayCell, pageOf, widthOf } from './grid-model';
import { pt } from './messages';

/** Rows per page: enough to fill a tall screen, few enough that a 1,000,000-row sheet draws at once. */
export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 2 },
  colHead: { position: 'sticky', top: 0, zIndex: 1, fontWeight: tokens.fontWeightRegular, textAlign: 'center' },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, textAlign: 'right', fontWeight: tokens.fontWeightRegular },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    minWidth: '28px',
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '2px 6px',
    maxWidth: '220px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  right: { textAlign: 'right' },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  pager: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  count: { marginLeft: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  charts: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface SheetGridProps {
  locale: Locale;
  data: SheetData;
  page: number;
  onPage(page: number): void;
  /** Charts the task pane added to this sheet: the grid draws cells only, so it says they are there. */
  charts?: number;
}

/** One page of a sheet as Excel draws it: column letters, row numbers, then a pager below. */
export function SheetGrid({ locale, data, page, onPage, charts = 0 }: SheetGridProps) {
  const styles = useStyles();
  const { rows, firstRow } = data;
  const p = pageOf(rows.length, PAGE_SIZE, page);
  const shown = rows.slice(p.start, p.end);
  const width = widthOf(shown);
  const columns = Array.from({ length: width }, (_, i) => columnLetters(i + 1));

  return (
    <div className={styles.root}>
      {charts > 0 && (
        <Caption1 as="p" className={styles.charts} data-testid="chart-note">
          {pt(locale, 'charts', { count: charts })}
        </Caption1>
      )}
      <div
        className={styles.scroller}
        role="region"
        aria-label={pt(locale, 'grid', { sheet: data.name })}
        tabIndex={0}
        data-testid="sheet-grid"
      >
        {rows.length === 0 ? (
          <p className={styles.empty}>{pt(locale, 'empty')}</p>
        ) : (
          <table className={styles.table} aria-rowcount={rows.length + 1}>
            <thead>
              <tr>
                <th className={`${styles.head} ${styles.corner}`} aria-hidden="true" />
                {columns.map((c) => (
                  <th key={c} scope="col" className={`${styles.head} ${styles.colHead}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={p.start + i} aria-rowindex={p.start + i + 2}>
                  <th scope="row" className={`${styles.head} ${styles.rowHead}`}>
                    {firstRow + p.start + i}
                  </th>
                  {columns.map((c, j) => {
                    const v = row[j];
                    const text = displayCell(v);
                    return (
                      <td key={c} className={alignsRight(v) ? `${styles.cell} ${styles.right}` : styles.cell} title={text.length > 24 ? text : undefined}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {rows.length > 0 && (
        <nav className={styles.pager} aria-label={pt(locale, 'grid', { sheet: data.name })}>
          <Button size="small" appearance="subtle" disabled={p.index === 0} onClick={() => onPage(0)}>
            {pt(locale, 'first')}
          </Button>
          <Button size="small" appearance="subtle" disabled={p.index === 0} onClick={() => onPage(p.index - 1)}>
            {pt(locale, 'prev')}
          </Button>
          <Button size="small" appearance="subtle" disabled={p.index >= p.count - 1} onClick={() => onPage(p.index + 1)}>
            {pt(locale, 'next')}
          </Button>
          <Button size="small" appearance="subtle" disabled={p.index >= p.count - 1} onClick={() => onPage(p.count - 1)}>
            {pt(locale, 'last')}
          </Button>
          <Caption1 className={styles.count} role="status" data-testid="row-range">
            {pt(locale, 'rows', {
              from: (firstRow + p.start).toLocaleString(locale),
              to: (firstRow + p.end - 1).toLocaleString(locale),
              total: rows.length.toLocaleString(locale),
            })}
          </Caption1>
        </nav>
      )}
    </div>
  );
}

import type { ChartSpec } from '../core/report/chart-spec';
import type { ColumnWrite, JsonValue, SheetSpec, Workbook } from '../host/workbook';

/** What the task pane just did to the workbook; the preview redraws the grid after each. */
export type WorkbookChange =
  | { kind: 'columns'; sheet: string }
  | { kind: 'sheet'; sheet: string }
  | { kind: 'deleted'; sheet: string }
  | { kind: 'chart'; sheet: string }
  | { kind: 'setting'; key: string };

export interface WatchedWorkbook extends Workbook {
  /** Calls `listener` after every write (also after a failed one: part of it may have landed). Returns unsubscribe. */
  onChange(listener: (change: WorkbookChange) => void): () => void;
}

/**
 * The same workbook, telling the preview when the task pane writes to it. In Excel the grid redraws itself; over a
 * file the page has to be told.
 */
export function watchWorkbook(inner: Workbook): WatchedWorkbook {
  const listeners = new Set<(change: WorkbookChange) => void>();
  const after = async (work: Promise<void>, change: WorkbookChange): Promise<void> => {
    try {
      await work;
    } finally {
      for (const listener of [...listeners]) listener(change);
    }
  };
  const watched: WatchedWorkbook = {
    listSheets: () => inner.listSheets(),
    readSheet: (name, opts) => inner.readSheet(name, opts),
    writeColumns: (sheet: string, columns: ColumnWrite[]) => after(inner.writeColumns(sheet, columns), { kind: 'columns', sheet }),
    writeSheet: (spec: SheetSpec) => after(inner.writeSheet(spec), { kind: 'sheet', sheet: spec.name }),
    deleteSheet: (sheet: string) => after(inner.deleteSheet(sheet), { kind: 'deleted', sheet }),
    getSetting: (key: string) => inner.getSetting(key),
    setSetting: (key: string, value: JsonValue) => after(inner.setSetting(key, value), { kind: 'setting', key }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Only a host that draws charts offers addChart; the task pane checks for it.
  if (inner.addChart) {
    const addChart = inner.addChart.bind(inner);
    watched.addChart = (spec: ChartSpec) => after(addChart(spec), { kind: 'chart', sheet: spec.sheet });
  }
  return watched;
}

import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Locale } from '../i18n';
import type { FileWorkbook } from '../host/file';
import type { SheetData, SheetInfo } from '../host/workbook';
import { App } from '../taskpane/App';
import type { EngineClient } from '../taskpane/engineClient';
import { downloadBytes, resultFileName } from './download';
import { pt } from './messages';
import { SheetGrid } from './SheetGrid';
import { watchWorkbook, type WatchedWorkbook, type WorkbookChange } from './watch';

export interface PreviewProps {
  initialLocale: Locale;
  engine?: EngineClient;
  /** Opened on start (the sample workbook served next to the page); none starts empty. */
  sample?: { url: string; name: string };
}

interface OpenFile {
  id: number;
  name: string;
  file: FileWorkbook;
  workbook: WatchedWorkbook;
}

type Busy = { kind: 'opening'; name: string } | { kind: 'saving' } | null;

/** Redraws wait this long for a burst of writes (a step writes many columns and sheets) to finish. */
const REDRAW_DELAY_MS = 120;

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 340px',
    gridTemplateRows: '100vh',
    height: '100vh',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'minmax(60vh, auto) auto', height: 'auto' },
  },
  book: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { marginRight: 'auto' },
  fileName: { color: tokens.colorNeutralForeground2, maxWidth: '320px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hiddenInput: { display: 'none' },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  center: { display: 'flex', flexGrow: 1, alignItems: 'center', justifyContent: 'center', color: tokens.colorNeutralForeground3 },
  tabs: {
    overflowX: 'auto',
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  pane: {
    minHeight: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 760px)': { borderLeft: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
  },
});

/** Follows the task pane's language: App sets <html lang> whenever the user switches it. */
function usePageLocale(initial: Locale): Locale {
  const [locale, setLocale] = useState<Locale>(initial);
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setLocale(html.lang === 'en-US' ? 'en-US' : html.lang === 'zh-CN' ? 'zh-CN' : initial);
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, [initial]);
  return locale;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The browser preview: a file-backed workbook on the left, the real task pane on the right, as in Excel. */
export function Preview({ initialLocale, engine, sample }: PreviewProps) {
  const styles = useStyles();
  const locale = usePageLocale(initialLocale);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const [open, setOpen] = useState<OpenFile | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [data, setData] = useState<SheetData | null>(null);
  const [page, setPage] = useState(0);
  // Bumped to re-read the sheet list / the sheet in view after the task pane wrote to them.
  const [listVersion, setListVersion] = useState(0);
  const [dataVersion, setDataVersion] = useState(0);
  const shownSheet = useRef<string | null>(null);
  shownSheet.current = sheet;
  const [charts, setCharts] = useState<ReadonlyMap<string, number>>(new Map());

  const openBytes = useCallback(
    async (load: () => Promise<Uint8Array>, name: string) => {
      setBusy({ kind: 'opening', name });
      setError(null);
      try {
        // The file host (with its CSV decoders) loads on first use, so the page and the pane show at once.
        const { openWorkbookBytes } = await import(/* webpackChunkName: "file-host" */ '../host/file');
        const file = await openWorkbookBytes(await load(), name);
        const first = (await file.listSheets())[0]?.name ?? null;
        setOpen({ id: nextId.current++, name, file, workbook: watchWorkbook(file) });
        setCharts(new Map());
        setSheet(first);
        setPage(0);
      } catch (e) {
        setError(pt(locale, 'openFailed', { file: name, reason: reason(e) }));
      } finally {
        setBusy(null);
      }
    },
    [locale],
  );

  // The sample opens once, on start.
  const sampleOpened = useRef(false);
  useEffect(() => {
    if (!sample || sampleOpened.current) return;
    sampleOpened.current = true;
    void openBytes(async () => {
      const res = await fetch(sample.url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }, sample.name);
  }, [sample, openBytes]);

  // Writes from the task pane: redraw after the burst, and show the sheet a step just wrote, as Excel activates it.
  // Only what changed is read again: a step writing columns on another sheet does not re-read a large sheet in view.
  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let listDirty = false;
    const dirty = new Set<string>();
    const redraw = () => {
      if (listDirty) setListVersion((v) => v + 1);
      if (shownSheet.current !== null && dirty.has(shownSheet.current)) setDataVersion((v) => v + 1);
      listDirty = false;
      dirty.clear();
    };
    const unsubscribe = open.workbook.onChange((change: WorkbookChange) => {
      if (change.kind === 'setting') return;
      if (change.kind !== 'chart') dirty.add(change.sheet);
      if (change.kind === 'sheet' || change.kind === 'deleted') listDirty = true;
      if (change.kind === 'sheet') {
        setSheet(change.sheet);
        setPage(0);
      }
      // Writing or deleting a sheet replaces its charts (both hosts do); each addChart adds one.
      if (change.kind === 'sheet' || change.kind === 'deleted' || change.kind === 'chart') {
        setCharts((old) => {
          const next = new Map(old);
          if (change.kind === 'chart') next.set(change.sheet, (next.get(change.sheet) ?? 0) + 1);
          else next.delete(change.sheet);
          return next;
        });
      }
      clearTimeout(timer);
      timer = setTimeout(redraw, REDRAW_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    open.file.listSheets().then(
      (list) => {
        if (!live) return;
        setSheets(list);
        // The sheet in view was deleted: show the first one.
        setSheet((current) => (list.some((s) => s.name === current) ? current : (list[0]?.name ?? null)));
      },
      (e: unknown) => live && setError(reason(e)),
    );
    return () => {
      live = false;
    };
  }, [open, listVersion]);

  useEffect(() => {
    if (!open || sheet === null) return;
    let live = true;
    open.file.readSheet(sheet).then(
      (read) => live && setData(read),
      async (e: unknown) => {
        // A sheet deleted under the grid is not an error: the sheet list moves the grid to another sheet.
        const exists = (await open.file.listSheets()).some((s) => s.name === sheet);
        if (live && exists) setError(reason(e));
      },
    );
    return () => {
      live = false;
    };
  }, [open, sheet, dataVersion]);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still opens it
    if (chosen) void openBytes(async () => new Uint8Array(await chosen.arrayBuffer()), chosen.name);
  };

  const onDownload = async () => {
    if (!open) return;
    setBusy({ kind: 'saving' });
    setError(null);
    try {
      downloadBytes(await open.file.toBytes(), resultFileName(open.name));
    } catch (e) {
      setError(pt(locale, 'saveFailed', { reason: reason(e) }));
    } finally {
      setBusy(null);
    }
  };

  const shownData = data && data.name === sheet ? data : null;

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.root}>
        <main className={styles.book} aria-label={pt(locale, 'workbook')}>
          <div className={styles.toolbar}>
            <Subtitle2 as="h1" className={styles.title}>
              {pt(locale, 'title')}
            </Subtitle2>
            {open && (
              <Text size={200} className={styles.fileName} title={open.name} data-testid="file-name">
                {open.name}
              </Text>
            )}
            <input
              ref={inputRef}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx,.xlsm,.csv,.tsv,.txt"
              onChange={onFile}
              data-testid="open-input"
              tabIndex={-1}
              aria-hidden="true"
            />
            {busy?.kind === 'saving' && <Spinner size="extra-tiny" label={pt(locale, 'saving')} />}
            <Button size="small" disabled={busy !== null} onClick={() => inputRef.current?.click()} title={pt(locale, 'openHint')}>
              {pt(locale, 'open')}
            </Button>
            <Button size="small" appearance="primary" disabled={busy !== null || !open} onClick={() => void onDownload()}>
              {pt(locale, 'download')}
            </Button>
          </div>

          {error && (
            <MessageBar intent="error" layout="multiline" className={styles.message}>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}

          {busy?.kind === 'opening' ? (
            <div className={styles.center}>
              <Spinner size="small" label={pt(locale, 'loading', { file: busy.name })} />
            </div>
          ) : shownData ? (
            <SheetGrid locale={locale} data={shownData} page={page} onPage={setPage} charts={charts.get(shownData.name)} />
          ) : (
            <div className={styles.center}>{open ? <Spinner size="small" /> : pt(locale, 'noFile')}</div>
          )}

          {sheets.length > 0 && (
            <div className={styles.tabs}>
              <TabList
                size="small"
                selectedValue={sheet ?? undefined}
                onTabSelect={(_, d) => {
                  setSheet(d.value as string);
                  setPage(0);
                }}
                aria-label={pt(locale, 'sheets')}
                data-testid="sheet-tabs"
              >
                {sheets.map((s) => (
                  <Tab key={s.name} value={s.name}>
                    {s.name}
                  </Tab>
                ))}
              </TabList>
            </div>
          )}
        </main>

        <aside className={styles.pane} aria-label={pt(locale, 'pane')}>
          {open ? (
            <App key={open.id} initialLocale={locale} inOffice={false} engine={engine} workbook={open.workbook} />
          ) : (
            <App initialLocale={locale} inOffice={false} engine={engine} />
          )}
        </aside>
      </div>
    </FluentProvider>
  );
}

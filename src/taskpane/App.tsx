import {
  Button,
  Caption1,
  FluentProvider,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useId,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { onNotice, type CommandNotice } from '../commands/notice';
import type { Workbook } from '../host/workbook';
import { LOCALES, LOCALE_NAMES, t, type Locale } from '../i18n';
import type { EngineClient } from './engineClient';
import { usePipeline } from './hooks/usePipeline';
import { STEPS, type StepId } from './steps';

export interface AppProps {
  initialLocale: Locale;
  /** False in a plain browser (the preview): nothing reads or writes a workbook. */
  inOffice: boolean;
  engine?: EngineClient;
  /**
   * The workbook the steps work on: in Excel the open workbook (OfficeWorkbook), in the preview a file-backed one.
   * Without it the steps say there is nothing to work on.
   */
  workbook?: Workbook;
}

type EngineState = { status: 'starting' } | { status: 'ready'; inProcess: boolean } | { status: 'failed'; reason: string };

function noticeText(locale: Locale, notice: CommandNotice): string {
  const command = t(locale, `command.${notice.command}`);
  switch (notice.kind) {
    case 'running':
      return t(locale, 'command.running', { command });
    case 'done':
      return t(locale, 'command.done', { command, message: notice.message });
    case 'needsSetup':
      return t(locale, 'command.needsSetup', { command });
    case 'failed':
      return t(locale, 'command.failed', { command, reason: notice.reason });
  }
}

const NOTICE_INTENT = { running: 'info', done: 'success', needsSetup: 'warning', failed: 'error' } as const;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: 0,
    boxSizing: 'border-box',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  language: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  select: { minWidth: '96px' },
  // Five tabs fit in 320 px; narrower panes scroll the tab row rather than squeeze it.
  tabs: { overflowX: 'auto', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  status: { color: tokens.colorNeutralForeground3 },
});

const tabId = (id: StepId) => `kehu-tab-${id}`;
const PANEL_ID = 'kehu-step-panel';

/** The task pane shell: header with the language switch, the five steps as tabs, the current step below. */
export function App({ initialLocale, inOffice, engine, workbook }: AppProps) {
  const styles = useStyles();
  const languageId = useId('kehu-language');
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [step, setStep] = useState<StepId>('sources');
  const [notice, setNotice] = useState<CommandNotice | null>(null);
  const [engineState, setEngineState] = useState<EngineState>({ status: 'starting' });
  const pipeline = usePipeline(engine, workbook, locale);

  useEffect(() => onNotice(setNotice), []);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    engine.ping().then(
      (pong) => live && setEngineState({ status: 'ready', inProcess: Boolean(pong.inProcess) }),
      (e: unknown) => live && setEngineState({ status: 'failed', reason: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [engine]);

  const current = STEPS.find((s) => s.id === step) ?? STEPS[0];
  const Step = current.Component;

  return (
    <FluentProvider theme={webLightTheme} dir="ltr" lang={locale}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Subtitle1 as="h1">{t(locale, 'app.title')}</Subtitle1>
          <div className={styles.language}>
            <Label htmlFor={languageId} size="small">
              {t(locale, 'app.language')}
            </Label>
            <Select
              id={languageId}
              size="small"
              className={styles.select}
              value={locale}
              onChange={(_, data) => setLocale(data.value as Locale)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </Select>
          </div>
        </header>

        {!inOffice && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t(locale, 'app.preview')}</MessageBarBody>
          </MessageBar>
        )}

        {notice && (
          <MessageBar intent={NOTICE_INTENT[notice.kind]} layout="multiline">
            <MessageBarBody>{noticeText(locale, notice)}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
                {t(locale, 'notice.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        <nav className={styles.tabs}>
          <TabList
            size="small"
            selectedValue={step}
            selectTabOnFocus
            onTabSelect={(_, data) => setStep(data.value as StepId)}
            aria-label={t(locale, 'app.steps')}
          >
            {STEPS.map((s) => (
              <Tab key={s.id} id={tabId(s.id)} value={s.id} aria-controls={PANEL_ID}>
                {t(locale, s.title)}
              </Tab>
            ))}
          </TabList>
        </nav>

        <div className={styles.panel} role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(current.id)} tabIndex={0}>
          <Suspense fallback={<Caption1 role="status">{t(locale, 'app.loading')}</Caption1>}>
            <Step locale={locale} pipeline={pipeline} />
          </Suspense>
        </div>

        {engine && (
          <Caption1 role="status" className={styles.status}>
            {engineState.status === 'ready'
              ? t(locale, engineState.inProcess ? 'engine.inProcess' : 'engine.ready')
              : engineState.status === 'failed'
                ? t(locale, 'engine.failed', { reason: engineState.reason })
                : t(locale, 'engine.starting')}
          </Caption1>
        )}
      </div>
    </FluentProvider>
  );
}

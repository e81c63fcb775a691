// The preview page's own words (the task pane's are in src/i18n). The page follows the task pane's language.
import type { Locale } from '../i18n';

const MESSAGES = {
  title: { zh: '客户数据 · 预览（无需 Excel）', en: 'Kehu preview (no Excel needed)' },
  open: { zh: '打开文件…', en: 'Open file…' },
  openHint: { zh: '打开 .xlsx 或 .csv 文件（文件只在本机浏览器中处理）', en: 'Open an .xlsx or .csv file (it stays in this browser)' },
  download: { zh: '下载结果 (.xlsx)', en: 'Download result (.xlsx)' },
  loading: { zh: '正在打开“{file}”…', en: 'Opening “{file}”…' },
  saving: { zh: '正在生成 .xlsx…', en: 'Preparing the .xlsx…' },
  openFailed: { zh: '无法打开“{file}”：{reason}', en: 'Cannot open “{file}”: {reason}' },
  saveFailed: { zh: '无法生成文件：{reason}', en: 'Cannot save the file: {reason}' },
  noFile: { zh: '尚未打开文件。', en: 'No file open.' },
  grid: { zh: '工作表“{sheet}”', en: 'Sheet “{sheet}”' },
  sheets: { zh: '工作表', en: 'Sheets' },
  empty: { zh: '此工作表为空。', en: 'This sheet is empty.' },
  rows: { zh: '第 {from}–{to} 行，共 {total} 行', en: 'Rows {from}–{to} of {total}' },
  first: { zh: '首页', en: 'First page' },
  prev: { zh: '上一页', en: 'Previous page' },
  next: { zh: '下一页', en: 'Next page' },
  last: { zh: '末页', en: 'Last page' },
  charts: {
    zh: '此工作表有 {count} 个图表，预览中不绘制；下载后在 Excel 中查看。',
    en: 'This sheet has {count} chart(s), not drawn in the preview; download to see them in Excel.',
  },
  pane: { zh: '任务窗格', en: 'Task pane' },
  workbook: { zh: '工作簿', en: 'Workbook' },
} as const;

export type PreviewKey = keyof typeof MESSAGES;

export function pt(locale: Locale, key: PreviewKey, params: Record<string, string | number> = {}): string {
  const template: string = locale === 'en-US' ? MESSAGES[key].en : MESSAGES[key].zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

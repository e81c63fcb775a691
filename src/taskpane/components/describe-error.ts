import { t, type Locale, type MessageKey } from '../../i18n';
import type { StepId } from '../steps/ids';

export interface ErrorText {
  title: string;
  detail: string;
  next: string;
}

const codeOf = (e: unknown) => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');
const messageOf = (e: unknown) =>
  e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')
    ? (e as { message: string }).message
    : String(e);

/**
 * An error in plain words: which step did not finish, what went wrong (the engine's own message, already in
 * plain words in zh-CN or both languages), and what to do next.
 */
export function describeError(error: unknown, step: StepId, locale: Locale): ErrorText {
  const title = t(locale, 'error.title', { step: t(locale, `step.${step}.title` as MessageKey) });
  const code = codeOf(error);
  if (code === 'InvalidOperationInCellEditMode') return { title, detail: messageOf(error), next: t(locale, 'error.editMode') };
  return { title, detail: messageOf(error), next: t(locale, `error.next.${step}` as MessageKey) };
}

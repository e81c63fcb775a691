import { localeFromLanguage, messages, t, type MessageKey } from './index';

const keys = Object.keys(messages) as MessageKey[];
const paramsOf = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it.each(keys)('%s has non-empty zh and en text with the same parameters', (key) => {
    const { zh, en } = messages[key];
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(paramsOf(zh)).toEqual(paramsOf(en));
  });

  it('zh texts are Chinese and en texts are not', () => {
    // Catches a text pasted into the wrong language. RFM is a term kept as is in both.
    const han = /[\u4e00-\u9fff]/;
    for (const key of keys) {
      expect({ key, zhHasHan: han.test(messages[key].zh) }).toEqual({ key, zhHasHan: true });
      expect({ key, enHasHan: han.test(messages[key].en) }).toEqual({ key, enHasHan: false });
    }
  });
});

describe('t', () => {
  it('picks the language', () => {
    expect(t('zh-CN', 'step.dedup.title')).toBe('去重');
    expect(t('en-US', 'step.dedup.title')).toBe('Dedup');
  });

  it('fills parameters and leaves a missing one visible', () => {
    expect(t('en-US', 'engine.failed', { reason: 'no Worker' })).toBe('The engine could not start: no Worker');
    expect(t('zh-CN', 'command.failed', { command: '规范化' })).toBe('“规范化”未能完成：{reason}');
  });

  it('does not read parameters from the object prototype', () => {
    expect(t('en-US', 'engine.failed', {})).toBe('The engine could not start: {reason}');
  });
});

describe('localeFromLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hant-HK', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    ['zu-ZA', 'en-US'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
  ])('%s -> %s', (language, locale) => {
    expect(localeFromLanguage(language)).toBe(locale);
  });
});

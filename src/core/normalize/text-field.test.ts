import { normalizeText, tidyText } from './text-field';

describe('tidyText', () => {
  it('trims, folds full-width ASCII and collapses inner whitespace', () => {
    expect(tidyText('  ＡＢＣ　１２３  ')).toBe('ABC 123');
    expect(tidyText('第一行\n\n第二行\t 结束')).toBe('第一行 第二行 结束');
    expect(tidyText('\u00a0a\u00a0\u00a0b\ufeff')).toBe('a b');
  });

  it('drops zero-width characters', () => {
    expect(tidyText('张\u200b伟')).toBe('张伟');
  });
});

describe('normalizeText', () => {
  it('tidies text and keeps its content', () => {
    expect(normalizeText('  备注：　老客户，  VIP  ')).toEqual({ value: '备注: 老客户, VIP', status: 'ok' });
  });

  it('treats blanks and whitespace-only cells as missing', () => {
    for (const v of [null, undefined, '', '   ', '\u3000\u3000', '\u200b']) expect(normalizeText(v).status).toBe('missing');
  });

  it('marks Excel errors invalid, as object or as literal text', () => {
    expect(normalizeText({ error: '#N/A' })).toMatchObject({ value: null, status: 'invalid' });
    expect(normalizeText('#REF!')).toMatchObject({ value: null, status: 'invalid' });
  });

  it('writes numbers, booleans and dates as text, with a note', () => {
    expect(normalizeText(12345)).toMatchObject({ value: '12345', status: 'ok' });
    expect(normalizeText(0.5)).toMatchObject({ value: '0.5', status: 'ok' });
    expect(normalizeText(true)).toMatchObject({ value: 'TRUE', status: 'ok' });
    expect(normalizeText(new Date(Date.UTC(2024, 0, 31)))).toMatchObject({ value: '2024-01-31', status: 'ok' });
    expect(normalizeText(new Date(Date.UTC(2024, 0, 31, 8, 30)))).toMatchObject({ value: '2024-01-31T08:30:00.000Z' });
    expect(normalizeText(1).note).toBeTruthy();
  });

  it('rejects NaN, Infinity and invalid dates', () => {
    expect(normalizeText(NaN).status).toBe('invalid');
    expect(normalizeText(Infinity).status).toBe('invalid');
    expect(normalizeText(new Date('nope')).status).toBe('invalid');
  });
});

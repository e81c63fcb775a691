import { CellValue } from '../cell';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each<[string, string]>([
    ['Zhang.San@QQ.com', 'zhang.san@qq.com'],
    ['  li_si+crm@163.com \t', 'li_si+crm@163.com'],
    ['wang＠126.com', 'wang@126.com'],
    ['ｗａｎｇ＠ｑｑ．ｃｏｍ', 'wang@qq.com'],
    ['zhao@sina。com', 'zhao@sina.com'],
    ['mailto:sales@example.com.cn', 'sales@example.com.cn'],
    ['MAILTO:Sales@Example.COM?subject=hi', 'sales@example.com'],
    ['\u3000boss@company.cn\u3000', 'boss@company.cn'],
    ["o'brien@example.org", "o'brien@example.org"],
    ['info@例子.中国', 'info@例子.中国'],
    ['info@xn--fsqu00a.xn--fiqs8s', 'info@xn--fsqu00a.xn--fiqs8s'],
    ['a@b-c.d-e.com', 'a@b-c.d-e.com'],
  ])('%p -> %p', (input, expected) => {
    const r = normalizeEmail(input);
    expect(r).toEqual({ value: expected, status: 'ok' });
  });

  it('takes the address out of "Name <address>"', () => {
    expect(normalizeEmail('张三 <ZhangSan@QQ.com>').value).toBe('zhangsan@qq.com');
  });

  it('removes spaces around the @ and says so', () => {
    const r = normalizeEmail('abc @ qq.com');
    expect(r.value).toBe('abc@qq.com');
    expect(r.note).toContain('空格');
  });

  it('keeps the first of several addresses and notes the others', () => {
    const r = normalizeEmail('a@qq.com; b@163.com');
    expect(r.value).toBe('a@qq.com');
    expect(r.note).toContain('b@163.com');
  });

  it('ignores words around a single address, with a note', () => {
    const r = normalizeEmail('邮箱: a@qq.com');
    expect(r.value).toBe('a@qq.com');
    expect(r.note).toBeTruthy();
  });

  it.each<[string, string]>([
    ['abc@qq.con', 'qq.com'],
    ['abc@gmial.com', 'gmail.com'],
    ['abc@163.cm', '163.com'],
    ['abc@hotmial.com', 'hotmail.com'],
    ['abc@example.con', '.com'],
  ])('notes the likely typo in %p but keeps it', (input, suggestion) => {
    const r = normalizeEmail(input);
    expect(r.status).toBe('ok');
    expect(r.value).toBe(input);
    expect(r.note).toContain(suggestion);
  });

  it('does not flag common domains or unrelated ones', () => {
    for (const e of ['a@qq.com', 'a@vip.qq.com', 'a@sina.cn', 'a@126.com', 'a@example.com']) {
      expect(normalizeEmail(e).note).toBeUndefined();
    }
  });

  it.each<[string, RegExp]>([
    ['abc.qq.com', /@/],
    ['a@b@qq.com', /多个 @/],
    ['@qq.com', /前面是空的/],
    ['abc@', /缺少域名/],
    ['abc@localhost', /没有点/],
    ['abc@qq..com', /连续的点/],
    ['abc@.qq.com', /点开头/],
    ['abc@qq.com.', /点开头或结尾/],
    ['abc@-qq.com', /-/],
    ['abc@qq-.com', /-/],
    ['abc@qq.c', /后缀/],
    ['abc@qq.c0m', /后缀/],
    ['abc@192.168.1.1', /后缀/],
    ['.abc@qq.com', /点/],
    ['a..b@qq.com', /点/],
    ['张三@qq.com', /字符/],
    ['abc@q_q.com', /字符/],
    [`${'a'.repeat(65)}@qq.com`, /过长/],
  ])('%p is invalid', (input, why) => {
    const r = normalizeEmail(input);
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.note).toMatch(why);
  });

  it.each<CellValue>([null, undefined, '', '  '])('blank %p is missing', (v) => {
    expect(normalizeEmail(v).status).toBe('missing');
  });

  it.each<CellValue>(['#N/A', { error: '#N/A' }])('Excel error %p is invalid', (v) => {
    expect(normalizeEmail(v)).toEqual({ value: null, status: 'invalid', note: expect.stringContaining('#N/A') });
  });

  it.each<CellValue>([true, false, 123, NaN, new Date(2024, 0, 1), 'x'.repeat(100_000)])('%p is invalid, never thrown', (v) => {
    const r = normalizeEmail(v);
    expect(r.status).toBe('invalid');
    expect(r.note).toBeTruthy();
  });
});

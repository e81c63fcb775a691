import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runRfm } from './rfm';

function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return fn().finally(() => {
    out.mockRestore();
    err.mockRestore();
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-rfm-cli-'));

describe('kehu rfm', () => {
  it('detects the columns, excludes cancellations and writes the customer CSV with BOM', async () => {
    const input = path.join(dir, 'orders.csv');
    fs.writeFileSync(
      input,
      [
        '订单号,下单时间,客户编号,数量,单价,商品',
        '1,2024-01-01 10:00:00,"A,1",2,5,"茶叶, 特级"',
        '2,2024-01-05 10:00:00,"A,1",1,5,茶叶',
        'C3,2024-01-06 10:00:00,B,-1,5,茶叶',
        '4,2024-01-09 10:00:00,B,1,100,咖啡',
      ].join('\n'),
    );
    const out = path.join(dir, 'out.csv');
    expect(await quiet(() => runRfm([input, '-o', out]))).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0].startsWith('customer,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,rfm_class_cn,abc_class')).toBe(true);
    // as-of 2024-01-10: A last ordered 01-05 (5 days), 2 orders, 15; B 1 day, 1 order, 100
    expect(lines[1].startsWith('"A,1",5,2,15,')).toBe(true);
    expect(lines[2].startsWith('B,1,1,100,')).toBe(true);
  });

  it('takes columns and as-of from flags, and says which column is missing', async () => {
    const input = path.join(dir, 'plain.csv');
    fs.writeFileSync(input, 'who,when,paid\nx,2024-02-01,10\nx,2024-02-03,20\n');
    const out = path.join(dir, 'plain-out.csv');
    expect(await quiet(() => runRfm([input, '-o', out, '--customer', 'who', '--date', '2', '--amount', 'paid', '--asof', '2024-02-13']))).toBe(0);
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[1].startsWith('x,10,2,30,')).toBe(true);
    let err = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await runRfm([input, '-o', out, '--customer', 'who'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(err).toContain('找不到所需的列');
  });
});

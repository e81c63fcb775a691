import { resultFileName } from './download';

it('names the result after the opened file, never the same name', () => {
  expect(resultFileName('sample-crm.xlsx')).toBe('sample-crm-kehu.xlsx');
  expect(resultFileName('客户名单.csv')).toBe('客户名单-kehu.xlsx');
  expect(resultFileName('C:\\data\\a.b.xlsx')).toBe('a.b-kehu.xlsx');
  expect(resultFileName('.xlsx')).toBe('workbook-kehu.xlsx');
});

import { adoptFileEntries, fileSheetId, ownershipFrom, pruneOwnership } from './ownership';

describe('ownership marker', () => {
  const stored = {
    sheets: [{ id: fileSheetId('报告'), name: '报告' }, { id: '{A}', name: '客户分层' }, { id: 7, name: 'bad' }],
    columns: [{ sheetId: fileSheetId('客户'), headerRow: 3, header: '电话(清洗)' }, { sheetId: '{B}', headerRow: 'x', header: 'bad' }],
  };

  it('drops malformed entries and reads nothing from a missing marker', () => {
    expect(ownershipFrom(stored).sheets.map((s) => s.name)).toEqual(['报告', '客户分层']);
    expect(ownershipFrom(stored).columns).toHaveLength(1);
    expect(ownershipFrom(undefined)).toEqual({ sheets: [], columns: [] });
  });

  it('gives file-host entries the id of the live sheet of their name, and leaves the rest', () => {
    const live = [{ id: '{R}', name: '报告' }, { id: '{C}', name: '客户' }, { id: '{A}', name: '客户分层' }];
    const adopted = adoptFileEntries(ownershipFrom(stored), live);
    expect(adopted.sheets).toEqual([{ id: '{R}', name: '报告' }, { id: '{A}', name: '客户分层' }]);
    expect(adopted.columns).toEqual([{ sheetId: '{C}', headerRow: 3, header: '电话(清洗)' }]);
    // A file entry whose sheet is gone stays unadopted, and pruning drops it.
    const gone = adoptFileEntries(ownershipFrom(stored), [{ id: '{A}', name: '客户分层' }]);
    expect(pruneOwnership(gone, ['{A}'])).toEqual({ sheets: [{ id: '{A}', name: '客户分层' }], columns: [] });
  });
});

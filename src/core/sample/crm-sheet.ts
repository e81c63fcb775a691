/** 「CRM客户」: the customer master as a CRM exports it, a title merged above the header, header on row 3. */
import { SheetBuilder } from './builder';
import { Ctx, CrmRecord, Roles, styledDate, styledEmail, styledPhone } from './context';
import { DIRT } from './dirt';
import { Status, dayOf, isoOf } from './model';
import { COMPANY_FORMATS, NAME_FORMATS, REGION_FORMATS, RegionStyle, companyName, personName, regionText } from './variants';

export const CRM_SHEET = 'CRM客户';
export const CRM_TITLE = '2024年客户名单（导出）';
export const CRM_HEADER = [
  '客户编号', '客户名称', '客户类型', '联系人', '联系电话', '邮箱', '地区', '所属行业', '性别', '出生日期', '客户状态', '客户等级',
  '负责人', '首次接触时间', '最后更新时间', '数据来源',
];

const LEVEL: Record<Status, string> = { 线索: 'D', 意向: 'C', 成交: 'B', 复购: 'A', 流失: 'C' };
const LEVELS = ['A', 'B', 'C', 'D'];

export function buildCrmSheet(ctx: Ctx, records: readonly CrmRecord[], roles: Roles): SheetBuilder {
  const { rng } = ctx;
  const d = DIRT.crm;
  const sheet = new SheetBuilder('crm', CRM_SHEET, CRM_HEADER, 3, { text: CRM_TITLE, merged: true });
  records.forEach((rec, index) => {
    const p = rec.person;
    const dup = rec.duplicateOf !== null;
    const showcase = p === roles.showcase;
    const row = sheet.add({}, p.key, index);
    if (index === 0) sheet.note(row, 'mergedTitle', null, CRM_TITLE);
    const missingKey = !dup && roles.missingKey.has(p);

    // who
    sheet.set(row, '客户编号', missingKey ? null : rec.id);
    if (p.company) {
      let style: (typeof COMPANY_FORMATS)[number] | 'registered' = 'registered';
      if (dup) style = showcase ? 'noCity' : rng.pick(['cityInParens', 'noCity', 'asciiParens', 'traditional'] as const);
      sheet.set(row, '客户名称', companyName(p.company, style));
      if (style !== 'registered') sheet.note(row, 'companyVariant', '客户名称', style);
      const contactStyle = showcase && dup ? 'spaced' : dup && rng.chance(0.3) ? rng.pick(NAME_FORMATS) : 'plain';
      sheet.set(row, '联系人', personName(p.name, p.surnameLength, p.gender, contactStyle));
      if (contactStyle !== 'plain') sheet.note(row, 'nameVariant', '联系人', contactStyle);
      if (roles.sharedContact.has(p) && !dup) sheet.note(row, 'sharedContact', '联系人', p.name);
    } else {
      const style = dup ? rng.pick(NAME_FORMATS) : 'plain';
      sheet.set(row, '客户名称', personName(p.name, p.surnameLength, p.gender, style));
      if (style !== 'plain') sheet.note(row, 'nameVariant', '客户名称', style);
      if (rng.chance(0.5)) sheet.set(row, '联系人', p.name);
      if (roles.namesake.has(p) && !dup) sheet.note(row, 'namesake', '客户名称', p.name);
    }
    if (showcase && !dup) sheet.note(row, 'namesake', '联系人', p.name);
    sheet.set(row, '客户类型', p.company ? '企业' : '个人');

    // how to reach them
    if (!missingKey) {
      const phone = showcase
        ? { cell: dup ? p.phone : '+86 138-1234-5678', kind: dup ? null : ('phoneFormat' as const), style: 'plus86Dashed' }
        : roles.plainPhone.has(p) && !dup
          ? { cell: p.phone, kind: null, style: 'plain' }
          : dup
            ? styledPhone(ctx, p.phone, { format: 0.5, invalid: 0, blank: 0.35 })
            : styledPhone(ctx, p.phone, { format: d.phoneFormat, invalid: d.phoneInvalid, blank: d.phoneBlank });
      sheet.set(row, '联系电话', phone.cell);
      if (phone.kind) sheet.note(row, phone.kind, '联系电话', phone.style);
      if (p.email) {
        const email = dup ? styledEmail(ctx, p.email, { format: 0.5, invalid: 0 }) : styledEmail(ctx, p.email, { format: d.emailFormat, invalid: d.emailInvalid });
        sheet.set(row, '邮箱', email.cell);
        if (email.kind) sheet.note(row, email.kind, '邮箱', email.style);
      }
    }
    if (missingKey) sheet.note(row, 'missingKey', null, '客户编号、联系电话、邮箱都为空');

    // where, what, who they are
    const regionStyle: RegionStyle | 'plain' = rng.chance(d.regionFormat) ? rng.pick(REGION_FORMATS.filter((s) => s !== 'official')) : 'plain';
    sheet.set(row, '地区', regionText(p.place, regionStyle === 'plain' ? 'official' : regionStyle, p.street));
    if (regionStyle !== 'plain') sheet.note(row, 'regionFormat', '地区', regionStyle);
    if (rng.chance(d.errorCell)) {
      sheet.set(row, '所属行业', { error: '#N/A' });
      sheet.note(row, 'errorCell', '所属行业', 'VLOOKUP');
    } else if (p.trade) {
      sheet.set(row, '所属行业', rng.chance(0.6) ? p.trade.industry[0] : rng.pick(p.trade.industry));
    }
    const genderFilled = p.company ? 0.6 : 0.93;
    if (rng.chance(genderFilled)) sheet.set(row, '性别', rng.chance(0.05) ? (p.gender === '男' ? 'M' : 'F') : p.gender);
    if (roles.birthInFuture.has(p) && !dup) {
      const birth = isoOf(ctx.asOfDay + rng.int(30, 3000));
      sheet.set(row, '出生日期', styledDate(ctx, birth, { format: 0 }).cell);
      sheet.note(row, 'contradiction', '出生日期', 'birthInFuture');
    } else if (p.birth) {
      const birth = styledDate(ctx, p.birth, { format: d.dateFormat });
      sheet.set(row, '出生日期', birth.cell);
      if (birth.kind) sheet.note(row, birth.kind, '出生日期', String(birth.style));
    }

    // the relationship
    sheet.set(row, '客户状态', rec.status);
    if (rec.status === '流失' && roles.churnedButRecentPurchase.has(p) && !dup) {
      sheet.note(row, 'contradiction', '客户状态', 'churnedButRecentPurchase');
    }
    sheet.set(row, '客户等级', rng.chance(0.1) ? rng.pick(LEVELS) : LEVEL[rec.status]);
    if (rng.chance(0.98)) sheet.set(row, '负责人', rec.owner);
    let updatedAt = rec.updatedAt;
    if (roles.createdAfterUpdated.has(p) && !dup) {
      updatedAt = isoOf(dayOf(rec.createdAt) - rng.int(5, 200));
      sheet.note(row, 'contradiction', '首次接触时间', 'createdAfterUpdated');
    }
    if (roles.orderBeforeFirstContact.has(p) && !dup) sheet.note(row, 'contradiction', '首次接触时间', 'orderBeforeFirstContact');
    const created = styledDate(ctx, rec.createdAt, { format: d.dateFormat });
    sheet.set(row, '首次接触时间', created.cell);
    if (created.kind) sheet.note(row, created.kind, '首次接触时间', String(created.style));
    const updated = styledDate(ctx, updatedAt, { format: d.dateFormat });
    sheet.set(row, '最后更新时间', updated.cell);
    if (updated.kind) sheet.note(row, updated.kind, '最后更新时间', String(updated.style));
    sheet.set(row, '数据来源', 'CRM');
    if (dup) sheet.note(row, 'crmDuplicate', null, `与 ${rec.duplicateOf?.id} 是同一客户`);
  });
  return sheet;
}

/** 「服务工单」: what customers did and said — questions, complaints, follow-up calls, purchases through service. */
import { SheetBuilder } from './builder';
import { Ctx, Roles, styledPhone, workSeconds } from './context';
import { DIRT } from './dirt';
import { Person, Status, dayOf, isoOf } from './model';
import { COMPANY_FORMATS, NAME_FORMATS, companyName, dateCell, personName } from './variants';
import { SERVICE_STAFF } from './vocab';

export const TICKETS_SHEET = '服务工单';
export const TICKETS_HEADER = ['工单号', '客户名称', '联系电话', '行为类型', '互动时间', '渠道', '处理人', '处理结果'];

type Kind = '咨询' | '投诉' | '回访' | '购买';
const TICKET_SHARE: Record<Status, number> = { 线索: 0.12, 意向: 0.3, 成交: 0.35, 复购: 0.5, 流失: 0.55 };
const KINDS: Record<Status, readonly (readonly [Kind, number])[]> = {
  线索: [['咨询', 85], ['回访', 15]],
  意向: [['咨询', 60], ['回访', 30], ['投诉', 10]],
  成交: [['咨询', 35], ['回访', 30], ['投诉', 15], ['购买', 20]],
  复购: [['咨询', 30], ['回访', 30], ['投诉', 10], ['购买', 30]],
  流失: [['咨询', 20], ['回访', 25], ['投诉', 50], ['购买', 5]],
};
const CHANNELS: readonly (readonly [string, number])[] = [['电话', 35], ['微信', 30], ['邮件', 10], ['门店', 10], ['官网', 15]];
const RESULTS: Record<Kind, readonly (readonly [string, number])[]> = {
  咨询: [['已解答', 80], ['转销售跟进', 20]],
  投诉: [['已解决', 55], ['处理中', 20], ['未解决', 10], ['已补偿', 15]],
  回访: [['已回访', 75], ['未接通', 25]],
  购买: [['已下单', 85], ['转销售跟进', 15]],
};

export function buildTicketsSheet(ctx: Ctx, customers: readonly Person[], roles: Roles): SheetBuilder {
  const { rng } = ctx;
  const d = DIRT.tickets;
  const sheet = new SheetBuilder('tickets', TICKETS_SHEET, TICKETS_HEADER, 1);
  const perDay = new Map<number, number>();
  for (const p of customers) {
    const status = p.status as Status;
    const showcase = p === roles.showcase;
    if (!showcase && !rng.chance(TICKET_SHARE[status])) continue;
    const count = 1 + (rng.chance(0.3) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    const lo = Math.max(ctx.windowStart, dayOf(p.createdAt));
    const hi = status === '流失' ? ctx.asOfDay - 120 : ctx.asOfDay;
    if (lo > hi) continue;
    for (let k = 0; k < count; k++) {
      const day = rng.int(lo, hi);
      const seconds = workSeconds(ctx);
      const kind = rng.weighted(KINDS[status]);
      const n = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, n);
      const row = sheet.add({}, p.key, day * 86400 + seconds);
      sheet.set(row, '工单号', `GD${isoOf(day).replace(/-/g, '')}${String(n).padStart(4, '0')}`);
      if (p.company) {
        const style = showcase && k === 0 ? 'traditional' : rng.chance(d.companyVariant) ? rng.pick(COMPANY_FORMATS) : 'registered';
        sheet.set(row, '客户名称', companyName(p.company, style));
        if (style !== 'registered') sheet.note(row, 'companyVariant', '客户名称', style);
      } else {
        const style = rng.chance(d.nameVariant) ? rng.pick(NAME_FORMATS) : 'plain';
        sheet.set(row, '客户名称', personName(p.name, p.surnameLength, p.gender, style));
        if (style !== 'plain') sheet.note(row, 'nameVariant', '客户名称', style);
      }
      const phone = showcase
        ? { cell: p.phone, kind: null, style: 'plain' }
        : styledPhone(ctx, p.phone, { format: d.phoneFormat, invalid: d.phoneInvalid, blank: d.phoneBlank });
      sheet.set(row, '联系电话', phone.cell);
      if (phone.kind) sheet.note(row, phone.kind, '联系电话', phone.style);
      sheet.set(row, '行为类型', kind);
      sheet.set(row, '互动时间', dateCell(isoOf(day), 'date', seconds));
      sheet.set(row, '渠道', rng.weighted(CHANNELS));
      sheet.set(row, '处理人', kind === '咨询' || kind === '投诉' ? rng.pick(SERVICE_STAFF) : p.owner);
      sheet.set(row, '处理结果', rng.weighted(RESULTS[kind]));
    }
  }
  return sheet;
}

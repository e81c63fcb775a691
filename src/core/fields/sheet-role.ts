import { SheetRole, fieldById } from './dictionary';
import { ColumnMapping, MIN_MAPPING_CONFIDENCE } from './map-headers';

export interface SheetRoleGuess {
  role: SheetRole | 'unknown';
  confidence: number;
  /** Why, in zh-CN. */
  reason: string;
}

/** A role is only possible when one of these fields is present: orders need money or items, behaviour an event. */
const REQUIRED: Record<SheetRole, string[]> = {
  master: ['customerId', 'customerName', 'company', 'contact', 'phone', 'email', 'idNumber', 'surname', 'givenName'],
  value: ['amount', 'quantity', 'unitPrice', 'orderId'],
  behaviour: ['interactionType', 'interactionTime', 'ticketId', 'content', 'result', 'complaintType'],
};
const ROLE_ZH: Record<SheetRole, string> = { master: '客户主数据', behaviour: '行为/互动记录', value: '交易/订单记录' };

/**
 * What kind of sheet this is, from the fields its columns map to. Each mapped field votes for its roles, weighted by
 * its mapping confidence and split between the roles it belongs to (客户编号 is in all three, so it barely counts).
 */
export function detectSheetRole(mapping: readonly ColumnMapping[]): SheetRoleGuess {
  const present = new Set<string>();
  const score: Record<SheetRole, number> = { master: 0, behaviour: 0, value: 0 };
  for (const m of mapping) {
    if (m.fieldId === null || m.confidence < MIN_MAPPING_CONFIDENCE) continue;
    const f = fieldById(m.fieldId);
    if (!f) continue;
    present.add(f.id);
    for (const role of f.role) score[role] += m.confidence / f.role.length;
  }
  const eligible = (Object.keys(score) as SheetRole[]).filter((r) => REQUIRED[r].some((id) => present.has(id)));
  if (eligible.length === 0) return { role: 'unknown', confidence: 0, reason: '没有识别出客户、订单或行为字段' };

  eligible.sort((a, b) => score[b] - score[a]);
  const role = eligible[0];
  const total = eligible.reduce((s, r) => s + score[r], 0);
  // Sure when one role dominates and enough fields back it (two full votes or more).
  const confidence = (score[role] / total) * Math.min(1, score[role] / 2);
  const fields = [...present].filter((id) => fieldById(id)!.role.includes(role)).map((id) => fieldById(id)!.zh);
  return {
    role,
    confidence: Math.round(confidence * 100) / 100,
    reason: `${ROLE_ZH[role]}：有${fields.slice(0, 6).join('、')}${fields.length > 6 ? ' 等' : ''}`,
  };
}

/**
 * Chinese region normalizer: any cell -> canonical `省-市` (广东省-广州市, 北京市-北京市, 吉林省-延边朝鲜族自治州), or the
 * province alone (浙江省) when no prefecture is named, with the parts and the division code.
 *
 * Reads full and short names (广东广州, 内蒙古, 黔东南), separators (广东-广州, 广东/广州, 广东 广州), whole addresses
 * (广东省广州市天河区xx路), pinyin and English (Guangzhou, Hong Kong), retired names (襄樊), traditional characters and
 * six-digit division codes. How names are found: region-match.ts; where they come from: region-data.ts.
 * County-level units directly under a province (济源, 仙桃, 石河子, 海南's counties) are their own 市: 河南省-济源市.
 */
import { CellValue } from '../cell';
import { toSimplified } from './chinese';
import { isWithin, RegionIndex, RegionNode, regionIndex } from './region-data';
import { matchRegion, RegionMatch } from './region-match';
import { foldWidth, trimAll } from './text';
import { invalid, Normalized, precheck } from './types';

export interface RegionParts {
  /** Full official names. */
  province: string;
  city: string | null;
  district: string | null;
  /** Six-digit division code of the most specific unit found (district, else city like 440100, else province). */
  code: string;
}

export type NormalizedRegion = Normalized<string> & { region?: RegionParts };

const MAX_READINGS_SHOWN = 4;

function isCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

function partsOf(ix: RegionIndex, node: RegionNode): { prov: RegionNode; city: RegionNode | null; district: RegionNode | null } {
  if (node.level === 3) return { prov: node.parent!.parent!, city: node.parent, district: node };
  if (node.level === 2) return { prov: node.parent!, city: node, district: null };
  return { prov: node, city: ix.municipalCity.get(node) ?? null, district: null }; // 北京 is 北京市-北京市
}

/** 江苏省南京市鼓楼区; a municipality's city is not repeated. */
function pathName(node: RegionNode): string {
  const names: string[] = [];
  for (let n: RegionNode | null = node; n !== null; n = n.parent) if (n.name !== n.parent?.name) names.unshift(n.name);
  return names.join('');
}

function readingsNote(m: RegionMatch): string {
  const shown = m.readings.slice(0, MAX_READINGS_SHOWN).map(pathName).join('、');
  const more = m.readings.length > MAX_READINGS_SHOWN ? ` 等 ${m.readings.length} 处` : '';
  return `地名有歧义（${shown}${more}）`;
}

function result(ix: RegionIndex, m: RegionMatch): NormalizedRegion {
  if (m.node === null) return invalid(`${readingsNote(m)}，无法确定省份`);
  const { prov, city, district } = partsOf(ix, m.node);
  const deepest = district ?? city ?? prov;
  const region: RegionParts = { province: prov.name, city: city?.name ?? null, district: district?.name ?? null, code: deepest.code };
  const notes: string[] = [];
  if (m.readings.length > 1) {
    // Either one reading was preferred (吉林 -> 吉林省), or only the unit they share is certain (江苏鼓楼区 -> 江苏省).
    const top = m.node;
    const shared = m.readings.every((r) => r !== top && isWithin(r, top));
    notes.push(shared ? `${readingsNote(m)}，只能确定到「${pathName(top)}」` : `${readingsNote(m)}，按「${pathName(top)}」处理`);
  }
  for (const old of m.aliases) notes.push(`「${old}」是旧称，按现名「${ix.aliasOf.get(old) ?? old}」处理`);
  const value = city === null ? prov.name : `${prov.name}-${city.name}`;
  return notes.length > 0 ? { value, status: 'ok', note: notes.join('；'), region } : { value, status: 'ok', region };
}

function fromCode(ix: RegionIndex, code: string): NormalizedRegion {
  const node = ix.byCode.get(code);
  if (node === undefined) return invalid(`不是有效的行政区划代码：${code}`);
  return result(ix, { node, readings: [], aliases: [] });
}

function clip(s: string): string {
  return s.length > 30 ? s.slice(0, 30) + '…' : s;
}

/** Any cell -> `省-市` (or `省`), with the province / city / district names and the division code. Never throws. */
export function normalizeRegion(v: CellValue): NormalizedRegion {
  const pre = precheck<string>(v);
  if (pre !== null) return pre;
  const ix = regionIndex();
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 100000 && v <= 999999 ? fromCode(ix, String(v)) : invalid(`数字不是地区：${v}`);
  }
  if (typeof v !== 'string') return invalid(v instanceof Date ? '日期不是地区' : typeof v === 'boolean' ? '逻辑值不是地区' : '不是地区');
  const text = trimAll(foldWidth(v));
  if (/^\d{6}$/.test(text)) return fromCode(ix, text);
  let m = matchRegion(ix, text);
  if (m.node === null && m.readings.length === 0 && isCjk(text)) {
    // Traditional characters (廣東省, 臺北) are tried only when the text as written names nothing: the converter is slow.
    const simplified = toSimplified(text);
    if (simplified !== text) m = matchRegion(ix, simplified);
  }
  if (m.node === null && m.readings.length === 0) return invalid(`未识别出省市区：${clip(text)}`);
  return result(ix, m);
}

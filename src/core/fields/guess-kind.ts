/**
 * What a column's values look like. A guess from cheap patterns, not a validation: the normalizers decide what is
 * valid. Hand-written because it must run on every column before any normalizer is chosen, and a few regular
 * expressions and short word lists are enough to tell a phone column from an email column.
 */
import { CellValue, cellErrorCode, isBlank } from '../cell';
import { foldWidth, trimAll } from '../normalize/text';
import type { ValueKind } from './dictionary';

export interface KindGuess {
  kind: ValueKind;
  /** 0..1: the share of values that fit, discounted for small samples and for kinds that are easy to mistake. */
  confidence: number;
  /** Non-blank, non-error values looked at. */
  sampled: number;
}

/** Values beyond this many non-blank ones add nothing to a guess. */
export const GUESS_SAMPLE_LIMIT = 1000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const MOBILE = /^1[3-9]\d{9}$/;
const MASKED_MOBILE = /^1[3-9]\d[*]{4}\d{4}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,5})?$/;
const SERVICE_LINE = /^[48]00-?\d{3}-?\d{4}$/;
const DATE_YMD = /^\d{4}([-/.年])\d{1,2}(\1|月)?(\d{1,2}日?)?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_DMY = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?)?$/;
const DATE_MD_ZH = /^\d{1,2}月\d{1,2}日$/;
const YYYYMMDD = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const NUMERIC = /^[-+]?\d+(\.\d+)?$/;
const CURRENCY = /^([¥￥$€£]\s*-?[\d,]+(\.\d+)?|-?[\d,]+(\.\d+)?\s*(元|块|万元|万|rmb|cny|usd))$/i;
const ID_CARD = /^\d{17}[\dXx]$/;
const CODE = /^([A-Za-z]{1,6}[-_]?\d{2,}[A-Za-z]?|\d{3,}[A-Za-z]{1,2}|(?=.*\d)[A-Za-z0-9]+(-[A-Za-z0-9]+)+)$/;
const COMPANY = /(有限公司|有限责任公司|股份公司|公司|集团|工作室|事务所|研究院|研究所|合作社|商行|经营部|门市部|厂|店|银行|医院|学校|大学|学院|协会)$|\b(co\.?,?\s*ltd|inc|llc|corp|corporation|limited|gmbh|company)\.?$/i;
const CJK_ONLY = /^[\u3400-\u9fff]+$/;
// A place names its administrative level early: 浙江省…, 杭州市…, 龙山镇…; free text mentioning 市场 much later does not count.
const PLACE_PREFIX = /^[\u3400-\u9fff]{1,7}(省|市|自治区|自治州|区|县|盟|旗|镇|乡|街道)/;
const INDUSTRY_SUFFIX = /^[\u3400-\u9fff、和及与]{1,18}业$/;
const PERSON_TITLE = /^(.{1,2})(先生|女士|小姐|总|经理|老师)$/;
const MINORITY_NAME = /^[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}$/;

// The 34 province-level short names: enough to recognise a place; the region normalizer does the real lookup.
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆',
  '香港', '澳门',
];

// The ~100 most common surnames (over 85% of people) and the common compound ones; a guess needs no more.
const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范' +
    '金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜' +
    '倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝')
    .split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '端木', '独孤', '南宫', '西门', '轩辕'];

const GENDER_WORDS = new Set(['男', '女', '男性', '女性', '先生', '女士', '小姐', '未知', '保密', 'm', 'f', 'male', 'female', 'man', 'woman']);

// Common industry words as people type them; the industry normalizer maps them onto the national classification.
const INDUSTRY_WORDS = new Set([
  '互联网', '金融', '银行', '保险', '证券', '制造', '教育', '培训', '医疗', '医药', '健康', '零售', '电商', '房地产', '地产', '餐饮',
  '物流', '快递', '汽车', '能源', '建筑', '农业', '服务', '咨询', '广告', '传媒', '媒体', '旅游', '酒店', '通信', '电信', '化工',
  '政府', '事业单位', '军工', '航空', '电子', '软件', 'it', '科技', '游戏', '文化', '娱乐', '体育', '环保', '法律', '律所', '贸易',
  '外贸', '批发', '快消', '美容', '美业', '家居', '服装', '纺织', '食品', '物业', '人力资源', '其他',
]);

const PRIOR: Record<ValueKind, number> = {
  email: 1, phone: 1, date: 0.95, gender: 0.95, company: 0.9, id: 0.85, industry: 0.8, region: 0.85, amount: 0.8,
  name: 0.75, number: 0.75, category: 0.6, text: 0.5,
};

/** The most specific kind one value looks like; null for blanks and Excel errors. */
export function classifyValue(v: CellValue): ValueKind | null {
  if (isBlank(v) || cellErrorCode(v) !== null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : 'date';
  if (typeof v === 'boolean') return 'category';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    if (!Number.isInteger(v)) return 'number';
    const digits = String(v);
    return MOBILE.test(digits) ? 'phone' : YYYYMMDD.test(digits) ? 'date' : 'number';
  }
  if (typeof v !== 'string') return 'text';
  const s = trimAll(foldWidth(v));
  if (s.length > 200) return 'text';
  if (EMAIL.test(s)) return 'email';
  if (looksLikePhone(s)) return 'phone';
  if (DATE_YMD.test(s) || DATE_DMY.test(s) || DATE_MD_ZH.test(s) || YYYYMMDD.test(s)) return 'date';
  const plain = s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (NUMERIC.test(plain)) {
    // Leading zeros mean a code typed as text, not a quantity.
    if (/^0\d/.test(plain) || ID_CARD.test(plain)) return 'id';
    return 'number';
  }
  if (ID_CARD.test(s)) return 'id';
  if (CURRENCY.test(s)) return 'amount';
  const lower = s.toLowerCase();
  if (GENDER_WORDS.has(lower)) return 'gender';
  if (CODE.test(s)) return 'id';
  if (COMPANY.test(s) && s.length >= 3) return 'company';
  if (isPlace(s)) return 'region';
  if (INDUSTRY_WORDS.has(lower) || INDUSTRY_SUFFIX.test(s)) return 'industry';
  if (isPersonName(s)) return 'name';
  return 'text';
}

function looksLikePhone(s: string): boolean {
  if (s.length < 7 || s.length > 20) return false;
  let d = s.replace(/[\s()（）]/g, '');
  if (/^(\+?86|0086)[-]?1/.test(d)) d = d.replace(/^(\+?86|0086)-?/, '');
  const digits = d.replace(/-/g, '');
  if (MOBILE.test(digits) || MASKED_MOBILE.test(digits)) return true;
  return LANDLINE.test(d) || SERVICE_LINE.test(d);
}

function isPlace(s: string): boolean {
  const t = s.startsWith('中国') ? s.slice(2) : s;
  if (PROVINCES.some((p) => t.startsWith(p))) return true;
  return t.length >= 3 && t.length <= 60 && PLACE_PREFIX.test(t);
}

function isPersonName(s: string): boolean {
  if (MINORITY_NAME.test(s)) return true;
  const titled = PERSON_TITLE.exec(s);
  if (titled) return hasSurname(titled[1]);
  return CJK_ONLY.test(s) && s.length >= 2 && s.length <= 4 && hasSurname(s);
}

function hasSurname(s: string): boolean {
  return SURNAMES.has(s[0]) || COMPOUND_SURNAMES.some((c) => s.startsWith(c) && s.length > c.length);
}

/** Guess a column's kind from its values alone (no header). */
export function guessColumnKind(values: readonly CellValue[]): KindGuess {
  const kinds: ValueKind[] = [];
  const texts: string[] = [];
  const numbers: number[] = [];
  for (let i = 0; i < values.length && kinds.length < GUESS_SAMPLE_LIMIT; i++) {
    const k = classifyValue(values[i]);
    if (k === null) continue;
    kinds.push(k);
    const v = values[i];
    const t = v instanceof Date ? String(v.getTime()) : trimAll(foldWidth(String(v)));
    texts.push(t);
    if (k === 'number') numbers.push(typeof v === 'number' ? v : Number(t.replace(/,/g, '')));
  }
  const n = kinds.length;
  if (n === 0) return { kind: 'text', confidence: 0, sampled: 0 };

  const numberKind = numbers.length > 0 ? numericColumnKind(numbers) : null;
  const counts = new Map<ValueKind, number>();
  for (const k of kinds) {
    const kk = k === 'number' && numberKind ? numberKind.kind : k;
    counts.set(kk, (counts.get(kk) ?? 0) + 1);
  }
  let best: ValueKind = 'text';
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
  const share = bestCount / n;
  const sizeFactor = Math.min(1, 0.6 + n / 25); // 5 values: 0.8, 10 or more: 1
  const distinct = new Set(texts).size;

  if (share < 0.5) return { kind: 'text', confidence: round2(0.4 * sizeFactor), sampled: n };
  if (best === 'text' && n >= 8 && distinct <= Math.max(3, n * 0.3) && average(texts.map((t) => t.length)) <= 20) {
    best = 'category';
  }
  let prior = PRIOR[best];
  if (numberKind && best === numberKind.kind) prior *= numberKind.weight;
  if (best === 'id' && distinct / n >= 0.9) prior = Math.max(prior, 0.9);
  return { kind: best, confidence: round2(share * prior * sizeFactor), sampled: n };
}

/** Numbers alone: serial dates, codes, money or plain quantities. `weight` discounts the shakier readings. */
function numericColumnKind(nums: number[]): { kind: ValueKind; weight: number } {
  const allInt = nums.every((x) => Number.isInteger(x));
  const widths = new Set(nums.map((x) => String(Math.abs(Math.trunc(x))).length));
  const width = Math.max(...widths);
  // Excel date serials 1970..2050 cannot be told from five-digit codes by value alone: a weak guess.
  if (nums.every((x) => x >= 25569 && x <= 55153) && (!allInt || new Set(nums).size < nums.length)) {
    return { kind: 'date', weight: 0.4 };
  }
  if (allInt && nums.every((x) => x >= 0) && widths.size === 1 && width >= 4) return { kind: 'id', weight: 1 };
  if (!allInt && nums.every((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6)) return { kind: 'amount', weight: 0.8 };
  return { kind: 'number', weight: 1 };
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

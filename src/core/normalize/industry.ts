/**
 * Industry: free text -> one of the 20 sections (门类) A–T of GB/T 4754-2017 《国民经济行业分类》.
 *
 * The table is hand-written: no npm package carries GB/T 4754. It holds, per section, the official name,
 * its divisions (大类, 01–97) and the words people actually type (汽车制造, 银行, 电商, Retail …).
 *
 * How a value is read, in this order:
 *  1. a section letter alone (`C`, `c类`, `门类C`) or a division code (`36`, `C36`, `C3610`: its first two
 *     digits); a letter that disagrees with the digits is not trusted (`A36` -> invalid);
 *  2. otherwise every keyword found in the text competes, and the LONGEST wins (汽车制造 beats 汽车 and 制造).
 *     Equal lengths: the one ending later wins, because Chinese compounds put the head last
 *     (医疗器械销售 -> 销售 -> F; 软件销售 -> F; 航空制造 -> C). Keywords are unique across sections (checked
 *     when the table loads), so there is no further tie.
 *     Latin keywords match whole words only (`it` is not found in `digital`).
 * Nothing found -> value '其他', status 'invalid', with a note: the one invalid result that carries a value,
 * so the column still reads as a category.
 *
 * Calls that had to be made: 互联网/IT/软件 -> I; 电商/电子商务 -> F (retail, as GB/T 4754 places online
 * retail); 科技 alone -> I (colloquial "tech"), 科技服务/科研 -> M; 投资 -> J; 旅游/旅行社 -> L;
 * 医药 -> C (pharma manufacturing); 游戏 -> I; 供应链 -> G.
 */
import { CellValue } from '../cell';
import { toSimplified } from './chinese';
import { tidyText } from './text-field';
import { Normalized, precheck } from './types';

export interface NormalizedIndustry extends Normalized<string> {
  code?: string;
}

export type SectionCode =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

interface Section {
  code: SectionCode;
  name: string;
  /** First and last division (大类) number. */
  divisions: readonly [number, number];
  /** Division names and everyday words, Chinese and English. */
  keywords: readonly string[];
}

export const OTHER_INDUSTRY = '其他';

// Division names follow GB/T 4754-2017; the everyday words after them are ours.
export const GBT4754_SECTIONS: readonly Section[] = [
  { code: 'A', name: '农、林、牧、渔业', divisions: [1, 5], keywords: [
    '农业', '林业', '畜牧业', '渔业', '农林牧渔专业及辅助性活动', '农林牧渔', '农林', '畜牧', '养殖', '种植', '农场',
    '牧场', '林场', '渔场', '水产养殖', '农产品种植', '苗木', '育种', 'agriculture', 'farming', 'farm', 'forestry',
    'fishing', 'fishery', 'fisheries', 'livestock', 'husbandry',
  ] },
  { code: 'B', name: '采矿业', divisions: [6, 12], keywords: [
    '煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业',
    '开采专业及辅助性活动', '其他采矿业', '采矿', '矿业', '煤矿', '煤炭开采', '石油开采', '天然气开采', '油气开采',
    '采选', '矿山', '油田', '金矿', '铁矿', 'mining', 'mines', 'oil and gas', 'quarrying', 'coal mining',
  ] },
  { code: 'C', name: '制造业', divisions: [13, 43], keywords: [
    '农副食品加工业', '食品制造业', '酒饮料和精制茶制造业', '烟草制品业', '纺织业', '纺织服装服饰业',
    '皮革毛皮羽毛及其制品和制鞋业', '木材加工和木竹藤棕草制品业', '家具制造业', '造纸和纸制品业',
    '印刷和记录媒介复制业', '文教工美体育和娱乐用品制造业', '石油煤炭及其他燃料加工业', '化学原料和化学制品制造业',
    '医药制造业', '化学纤维制造业', '橡胶和塑料制品业', '非金属矿物制品业', '黑色金属冶炼和压延加工业',
    '有色金属冶炼和压延加工业', '金属制品业', '通用设备制造业', '专用设备制造业', '汽车制造业',
    '铁路船舶航空航天和其他运输设备制造业', '电气机械和器材制造业', '计算机通信和其他电子设备制造业',
    '仪器仪表制造业', '其他制造业', '废弃资源综合利用业', '金属制品机械和设备修理业',
    '制造', '工厂', '加工', '汽车制造', '新能源汽车', '食品', '饮料', '白酒', '啤酒', '卷烟', '纺织', '服装', '服饰',
    '制鞋', '家具', '造纸', '印刷', '化工', '化学', '制药', '医药', '生物制药', '塑料', '橡胶', '玻璃', '陶瓷', '水泥',
    '钢铁', '冶炼', '有色金属', '五金', '机械', '设备制造', '装备制造', '电气', '电器', '家电', '电子', '半导体',
    '芯片', '集成电路', '电子元件', '手机制造', '仪器仪表', '光伏', '电池', '船舶', '汽车零部件', '模具',
    'manufacturing', 'manufacture', 'manufacturer', 'factory', 'industrial', 'automotive', 'pharmaceutical',
    'pharmaceuticals', 'pharma', 'textile', 'textiles', 'chemical', 'chemicals', 'steel', 'electronics',
    'semiconductor', 'semiconductors', 'apparel', 'machinery',
  ] },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业', divisions: [44, 46], keywords: [
    '电力热力生产和供应业', '燃气生产和供应业', '水的生产和供应业', '电力', '供电', '发电', '电网', '热力', '供热',
    '燃气', '天然气', '自来水', '供水', '水务', '水电', '火电', '风电', '核电', '光伏发电', '能源', 'utilities',
    'utility', 'electricity', 'power supply', 'power generation', 'energy', 'water supply', 'gas supply', 'heating',
  ] },
  { code: 'E', name: '建筑业', divisions: [47, 50], keywords: [
    '房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰装修和其他建筑业', '建筑', '建筑工程', '土木工程', '施工',
    '工程施工', '建设工程', '基建', '路桥', '装修', '装饰', '装潢', '安装工程', '建工', 'construction', 'building',
    'civil engineering', 'contractor', 'renovation',
  ] },
  { code: 'F', name: '批发和零售业', divisions: [51, 52], keywords: [
    '批发业', '零售业', '批发', '零售', '商贸', '贸易', '外贸', '进出口', '电商', '电子商务', '网店', '网购', '超市',
    '商场', '百货', '便利店', '商店', '专卖店', '门店', '购物中心', '商超', '经销', '分销', '销售', '药店', '药房',
    '汽车销售', '4s店', 'wholesale', 'retail', 'retailer', 'trading', 'trade', 'e-commerce', 'ecommerce', 'commerce',
    'distribution', 'supermarket', 'shop', 'store',
  ] },
  { code: 'G', name: '交通运输、仓储和邮政业', divisions: [53, 60], keywords: [
    '铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业', '装卸搬运和仓储业',
    '邮政业', '交通运输', '运输', '物流', '快递', '快运', '仓储', '仓库', '货运', '客运', '航运', '海运', '空运',
    '铁路', '公交', '地铁', '出租车', '网约车', '港口', '码头', '机场', '航空公司', '邮政', '配送', '货代',
    '供应链', 'logistics', 'transport', 'transportation', 'shipping', 'freight', 'courier', 'express delivery',
    'delivery', 'warehousing', 'warehouse', 'postal', 'airline', 'airlines', 'railway', 'supply chain',
  ] },
  { code: 'H', name: '住宿和餐饮业', divisions: [61, 62], keywords: [
    '住宿业', '餐饮业', '住宿', '餐饮', '酒店', '宾馆', '饭店', '旅馆', '民宿', '客栈', '餐厅', '饭馆', '酒楼',
    '快餐', '外卖', '咖啡', '奶茶', '茶饮', '火锅', '食堂', '酒吧', 'hotel', 'hotels', 'hospitality', 'restaurant',
    'restaurants', 'catering', 'food service', 'accommodation', 'lodging', 'cafe',
  ] },
  { code: 'I', name: '信息传输、软件和信息技术服务业', divisions: [63, 65], keywords: [
    '电信广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业', '信息传输', '互联网', '软件',
    '软件开发', '信息技术', '信息服务', '信息化', 'it服务', '电信', '通信', '通讯', '网络', '云计算', '大数据',
    '人工智能', '数据中心', '系统集成', '计算机服务', '游戏', '网站', '科技', '高科技', 'software', 'it',
    'internet', 'telecom', 'telecommunication', 'telecommunications', 'information technology', 'saas', 'cloud',
    'technology', 'tech', 'ict', 'computer services',
  ] },
  { code: 'J', name: '金融业', divisions: [66, 69], keywords: [
    '货币金融服务', '资本市场服务', '保险业', '其他金融业', '金融', '银行', '保险', '证券', '券商', '基金', '信托',
    '期货', '投资', '创投', '风投', '理财', '财富管理', '资产管理', '贷款', '小额贷款', '小贷', '典当', '融资租赁',
    '支付', '交易所', 'finance', 'financial', 'financial services', 'banking', 'bank', 'insurance', 'securities',
    'investment', 'asset management', 'fintech',
  ] },
  { code: 'K', name: '房地产业', divisions: [70, 70], keywords: [
    '房地产', '地产', '房产', '房地产开发', '物业', '物业管理', '房产中介', '房屋中介', '地产中介', '置业', '楼盘',
    'real estate', 'property', 'properties', 'realty', 'property management',
  ] },
  { code: 'L', name: '租赁和商务服务业', divisions: [71, 72], keywords: [
    '租赁业', '商务服务业', '租赁', '商务服务', '咨询', '管理咨询', '企业管理', '广告', '营销策划', '策划', '会展',
    '人力资源', '劳务派遣', '猎头', '招聘', '法律服务', '律师事务所', '律所', '会计师事务所', '会计', '审计',
    '代理记账', '知识产权', '旅行社', '旅游', '保安', '安保', '公关', '市场调研', '设备租赁', '汽车租赁', '商务',
    'leasing', 'rental', 'business services', 'consulting', 'consultancy', 'advertising', 'marketing',
    'human resources', 'hr', 'staffing', 'recruitment', 'legal services', 'law firm', 'accounting', 'audit',
    'travel agency', 'tourism', 'security services',
  ] },
  { code: 'M', name: '科学研究和技术服务业', divisions: [73, 75], keywords: [
    '研究和试验发展', '专业技术服务业', '科技推广和应用服务业', '科学研究', '科研', '研发', '研究院', '研究所',
    '实验室', '技术服务', '科技服务', '技术开发', '技术推广', '检测', '检验', '认证', '设计', '工程设计', '勘察',
    '勘探', '测绘', '地质勘查', '气象', 'research', 'r&d', 'scientific', 'engineering services', 'testing',
    'inspection', 'certification', 'design',
  ] },
  { code: 'N', name: '水利、环境和公共设施管理业', divisions: [76, 79], keywords: [
    '水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业', '水利', '环保', '环境保护', '环境治理',
    '生态保护', '污水处理', '垃圾处理', '固废', '环卫', '园林', '绿化', '公园', '景区', '市政', 'environmental',
    'environment', 'water conservancy', 'sanitation', 'waste management', 'public facilities',
  ] },
  { code: 'O', name: '居民服务、修理和其他服务业', divisions: [80, 82], keywords: [
    '居民服务业', '机动车电子产品和日用产品修理业', '其他服务业', '居民服务', '家政', '保洁', '保姆', '月嫂',
    '美容', '美发', '理发', '美甲', '洗衣', '洗浴', '足浴', '按摩', '婚庆', '摄影', '殡葬', '维修', '修理',
    '汽车维修', '汽修', '家电维修', '宠物', 'household services', 'repair', 'maintenance', 'beauty', 'salon',
    'laundry', 'personal services', 'housekeeping',
  ] },
  { code: 'P', name: '教育', divisions: [83, 83], keywords: [
    '教育', '学校', '培训', '教育培训', '幼儿园', '小学', '中学', '高中', '大学', '学院', '高校', '职业教育',
    '在线教育', '早教', '驾校', '辅导', '教培', 'education', 'educational', 'school', 'training', 'university',
    'college', 'academy', 'edtech',
  ] },
  { code: 'Q', name: '卫生和社会工作', divisions: [84, 85], keywords: [
    '卫生', '社会工作', '医疗', '医疗卫生', '医疗服务', '医院', '诊所', '卫生院', '门诊', '体检', '康复', '护理',
    '养老', '养老院', '牙科', '口腔', '医美', '疗养', '妇幼保健', '疾控', '大健康', '健康', '社会福利',
    'healthcare', 'health care', 'health', 'hospital', 'medical', 'clinic', 'social work', 'nursing',
    'elderly care',
  ] },
  { code: 'R', name: '文化、体育和娱乐业', divisions: [86, 90], keywords: [
    '新闻和出版业', '广播电视电影和录音制作业', '文化艺术业', '体育', '娱乐业', '文化', '娱乐', '传媒', '媒体',
    '新闻', '出版', '广播', '电视', '电影', '影视', '影院', '录音', '音乐', '艺术', '演出', '演艺', '文艺', '健身',
    '游乐', 'ktv', '网吧', '图书馆', '博物馆', '文旅', '动漫', '彩票', 'media', 'entertainment', 'culture',
    'sports', 'sport', 'film', 'music', 'publishing', 'arts', 'news', 'broadcasting', 'fitness',
  ] },
  { code: 'S', name: '公共管理、社会保障和社会组织', divisions: [91, 96], keywords: [
    '中国共产党机关', '国家机构', '人民政协民主党派', '社会保障', '群众团体社会团体和其他成员组织',
    '基层群众自治组织及其他组织', '公共管理', '社会组织', '政府', '政府机关', '党政机关', '机关', '事业单位',
    '社会团体', '协会', '商会', '学会', '基金会', '工会', '居委会', '村委会', '公安', '法院', '检察院', '社保',
    '民政', '公益组织', '非营利', 'government', 'public administration', 'public sector', 'ngo', 'non-profit',
    'nonprofit', 'association', 'social security',
  ] },
  { code: 'T', name: '国际组织', divisions: [97, 97], keywords: [
    '国际组织', '联合国', '世界银行', 'international organization', 'international organisation', 'united nations',
  ] },
];

// ---------------------------------------------------------------------------------------------
// Matching.

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const SPACE_NOT_BETWEEN_LATIN = /(?<![a-z0-9]) | (?![a-z0-9])/g;

/**
 * The form both the input and the keywords are compared in: simplified, lower-case, punctuation (、，& -)
 * removed; a single space is kept only between Latin words (`real estate`), so `农、林、牧、渔业` and
 * `农林牧渔业` read the same.
 */
function matchForm(s: string): string {
  return keywordForm(toSimplified(tidyText(s)));
}

/** matchForm for text already simplified and tidy: the table's own words (keeps opencc unloaded at import). */
function keywordForm(s: string): string {
  return s.toLowerCase().replace(NOT_WORD, ' ').trim().replace(SPACE_NOT_BETWEEN_LATIN, '');
}

interface Keyword {
  text: string;
  code: SectionCode;
  latin: boolean;
}

const BY_CODE = new Map<SectionCode, Section>(GBT4754_SECTIONS.map((s) => [s.code, s]));
const KEYWORDS: Keyword[] = [];
{
  const seen = new Map<string, SectionCode>();
  for (const section of GBT4754_SECTIONS) {
    for (const word of [section.name, ...section.keywords]) {
      const text = keywordForm(word);
      const earlier = seen.get(text);
      if (earlier !== undefined && earlier !== section.code) {
        throw new Error(`industry keyword "${word}" listed under both ${earlier} and ${section.code}`);
      }
      if (earlier !== undefined) continue;
      seen.set(text, section.code);
      KEYWORDS.push({ text, code: section.code, latin: /^[a-z0-9 ]+$/.test(text) });
    }
  }
}

/** Keywords by their first character, so a text is scanned once instead of searched for every keyword. */
const KEYWORDS_BY_FIRST = new Map<string, Keyword[]>();
for (const kw of KEYWORDS) {
  const list = KEYWORDS_BY_FIRST.get(kw.text[0]) ?? [];
  list.push(kw);
  KEYWORDS_BY_FIRST.set(kw.text[0], list);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

/** The longest keyword in text; on equal length the one ending last; see the header for why. */
function bestKeyword(text: string): Keyword | null {
  let best: Keyword | null = null;
  let bestEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const candidates = KEYWORDS_BY_FIRST.get(text[i]);
    if (!candidates) continue;
    for (const kw of candidates) {
      const end = i + kw.text.length;
      if (best && (kw.text.length < best.text.length || (kw.text.length === best.text.length && end <= bestEnd))) continue;
      if (!text.startsWith(kw.text, i)) continue;
      if (kw.latin && (isWordChar(text[i - 1]) || isWordChar(text[end]))) continue;
      best = kw;
      bestEnd = end;
    }
  }
  return best;
}

function sectionOfDivision(division: number): Section | undefined {
  return GBT4754_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
}

const LETTER_ALONE = /^(?:门类)?([a-t])(?:类|门类)?$/;
const CODE = /^([a-t])?(\d{2})(\d{1,2})?$/;

/** A section from a letter or a division code; undefined when s is not a code; null when it is a bad one. */
function sectionFromCode(s: string): Section | null | undefined {
  const letter = LETTER_ALONE.exec(s);
  if (letter) return BY_CODE.get(letter[1].toUpperCase() as SectionCode) ?? null;
  const code = CODE.exec(s);
  if (!code) return undefined;
  const section = sectionOfDivision(Number(code[2]));
  if (!section) return null;
  if (code[1] && code[1].toUpperCase() !== section.code) return null;
  return section;
}

/** Words that say the industry is not given; they get their own note rather than "unrecognised". */
const NOT_GIVEN = new Set(['其他', '其它', '其他行业', '未知', '不详', '无', '暂无', 'other', 'others', 'unknown', 'n a', 'na', 'none']);

function unmatched(note: string): NormalizedIndustry {
  return { value: OTHER_INDUSTRY, status: 'invalid', note };
}

function found(section: Section, note?: string): NormalizedIndustry {
  const out: NormalizedIndustry = { value: section.name, status: 'ok', code: section.code };
  if (note !== undefined) out.note = note;
  return out;
}

const MEMO_LIMIT = 10_000;
const memo = new Map<string, NormalizedIndustry>();

function fromText(raw: string): NormalizedIndustry {
  const text = matchForm(raw);
  if (text === '') return unmatched('行业里没有文字，归入“其他”');
  const code = sectionFromCode(text.replace(/ /g, ''));
  if (code === null) return unmatched(`“${raw}”不是有效的 GB/T 4754 行业代码，归入“其他”`);
  if (code) return /\d/.test(text) ? found(code, `按行业代码“${raw.trim()}”归入 ${code.code}`) : found(code);
  if (NOT_GIVEN.has(text)) return unmatched(`行业未写明（“${raw.trim()}”），归入“其他”`);
  const kw = bestKeyword(text);
  if (!kw) return unmatched(`无法识别的行业“${raw}”，归入“其他”`);
  const section = BY_CODE.get(kw.code) as Section;
  return text === kw.text ? found(section) : found(section, `按关键词“${kw.text}”归入 ${section.code} ${section.name}`);
}

export function normalizeIndustry(v: CellValue): NormalizedIndustry {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'number') {
    // A number in an industry column is read as a division code (36 -> 汽车制造业 -> C).
    const section = Number.isInteger(v) ? sectionOfDivision(v) : undefined;
    return section ? found(section, `按行业代码“${v}”归入 ${section.code}`) : unmatched(`数字 ${v} 不是行业代码，归入“其他”`);
  }
  if (typeof v !== 'string') return unmatched('行业不是文本，归入“其他”');
  const hit = memo.get(v);
  if (hit) return { ...hit };
  const out = fromText(v);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(v, out);
  return { ...out };
}
